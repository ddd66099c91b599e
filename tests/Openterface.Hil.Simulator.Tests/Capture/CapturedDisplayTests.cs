using Openterface.Hil.Imaging;
using Openterface.Hil.Video;

namespace Openterface.Hil.Simulator.Tests.Capture;

public sealed class CapturedDisplayTests
{
    [Test]
    public async Task Dropped_frames_are_skipped_and_kept_frames_arrive_as_decoded_4_2_2_jpeg_after_their_jitter()
    {
        var time = new ManualTimeProvider();
        var options = new CaptureModelOptions { DropProbability = 0.2, MaxJitter = TimeSpan.FromMilliseconds(5), Seed = 7 };
        var expected = new CaptureModel(options);
        var plan = Enumerable.Range(0, 60).Select(_ => expected.NextFrame()).ToList();
        await using var display = new CapturedDisplay(new CountingSource(1024, 768), options, time);

        var sequences = new List<long>();
        for (var i = 0; i < 40; i++)
        {
            var read = display.ReadFrameAsync().AsTask();
            while (!read.IsCompleted)
            {
                // The jitter is a delay on the clock: move the clock to it (nothing else here waits on it).
                if (!time.AdvanceToNextTimer())
                {
                    await Task.Yield();
                }
            }

            using var frame = await read;
            sequences.Add((long)Math.Round(frame.Pixels[frame.Pixels.Length / 2] / 4.0));
            Assert.That(frame.Size, Is.EqualTo(new System.Drawing.Size(1920, 1080)));
        }

        var kept = plan.Select((p, i) => (p, Sequence: i + 1L)).Where(x => !x.p.Drop).Take(40).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(sequences, Is.EqualTo(kept.Select(k => k.Sequence)));
            Assert.That(display.Dropped, Is.EqualTo(plan.Take((int)kept[^1].Sequence).Count(p => p.Drop)).And.GreaterThan(0));
            Assert.That(time.DueTimesRequested, Is.EqualTo(kept.Where(k => k.p.Jitter > TimeSpan.Zero).Select(k => k.p.Jitter)));
            Assert.That(JpegSampling.LumaFactors(display.LastJpeg), Is.EqualTo((2, 1)));
        });
    }

    [Test]
    public void Realism_none_serves_the_display_itself()
    {
        var source = new CountingSource(720, 400);

        Assert.That(CapturedDisplay.Wrap(source, CaptureRealism.None, null, TimeProvider.System), Is.SameAs(source));
    }

    private sealed class CountingSource(int width, int height) : IFrameSource
    {
        private long _sequence;

        public string Uri => "test:counting";

        public ValueTask<Frame> ReadFrameAsync(CancellationToken cancellationToken = default)
        {
            // The grey level tells the frames apart after JPEG: 4 levels per frame.
            var pixels = new byte[width * height * 3];
            Array.Fill(pixels, (byte)(++_sequence * 4));
            return ValueTask.FromResult(Frame.FromPixels(pixels, width, height, PixelFormat.Bgr24));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
