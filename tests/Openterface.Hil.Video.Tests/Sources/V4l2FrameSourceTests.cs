using System.Drawing;
using System.Runtime.InteropServices;

namespace Openterface.Hil.Video.Tests;

public class V4l2FrameSourceTests
{
    [Test]
    public async Task The_first_five_frames_after_open_are_discarded()
    {
        var recording = Enumerable.Range(1, 7).Select(i => TestJpegs.PatternJpeg(32, 16, i)).ToList();
        await using var source = new V4l2FrameSource(new RecordedCapture(recording), "/dev/video0", new FrameSourceOptions());

        using var frame = source.ReadBlocking();

        Assert.Multiple(() =>
        {
            Assert.That(source.LastJpeg.SequenceEqual(recording[5]), Is.True, "the sixth buffer is the first frame");
            Assert.That(frame.Sequence, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Each_frame_takes_its_size_from_its_own_jpeg_header()
    {
        var recording = new List<byte[]> { TestJpegs.PatternJpeg(64, 48, 1), TestJpegs.PatternJpeg(32, 16, 2), TestJpegs.PatternJpeg(64, 48, 3) };
        await using var source = new V4l2FrameSource(new RecordedCapture(recording), "/dev/video0", new FrameSourceOptions { WarmUpFrames = 0 });

        var sizes = new List<Size>();
        for (var i = 0; i < 3; i++)
        {
            using var frame = await source.ReadFrameAsync();
            sizes.Add(frame.Size);
        }

        Assert.That(sizes, Is.EqualTo(new[] { new Size(64, 48), new Size(32, 16), new Size(64, 48) }));
    }

    [Test]
    public async Task An_unplugged_device_ends_with_a_rig_fault()
    {
        await using var source = new V4l2FrameSource(new RecordedCapture([]), "/dev/video0", new FrameSourceOptions());

        var error = Assert.Throws<VideoException>(() => source.ReadBlocking());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.StartWith("Video device '/dev/video0' stopped delivering frames"));
            Assert.That(error.IsRigFault, Is.True);
        });
    }

    /// <summary>Plays recorded MJPEG buffers as the V4L2 driver would hand them over.</summary>
    private sealed class RecordedCapture(IReadOnlyList<byte[]> buffers) : IRawCapture
    {
        private int _next;

        public string Describe() => "recorded";

        public bool TryRead(out RawCaptureFrame frame)
        {
            if (_next >= buffers.Count)
            {
                frame = default;
                return false;
            }

            var data = buffers[_next++];
            JpegInfo.TryReadSize(data, out var width, out var height);
            frame = new RawCaptureFrame(MemoryMarshal.CreateReadOnlySpan(ref data[0], data.Length), true, width, height, 0);
            return true;
        }

        public void Dispose()
        {
        }
    }
}
