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

    [Test]
    public async Task One_torn_frame_is_skipped_and_the_next_good_one_is_returned()
    {
        var good = TestJpegs.PatternJpeg(32, 16, 1);
        var torn = good[..2].Concat(new byte[good.Length - 2]).ToArray(); // SOI, then the driver refilled the rest
        var recording = new List<byte[]> { torn, TestJpegs.PatternJpeg(64, 48, 2) };
        await using var source = new V4l2FrameSource(new RecordedCapture(recording), "/dev/video0", new FrameSourceOptions { WarmUpFrames = 0 });

        using var frame = await source.ReadFrameAsync();

        Assert.Multiple(() =>
        {
            Assert.That(frame.Size, Is.EqualTo(new Size(64, 48)));
            Assert.That(source.SkippedFrames, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Only_undecodable_frames_become_a_rig_fault_naming_the_reason()
    {
        var garbage = Enumerable.Repeat(new byte[] { 0xFF, 0xD8, 0x00, 0x01, 0x02 }, V4l2FrameSource.MaxBadFramesInARow + 5).ToList();
        await using var source = new V4l2FrameSource(new RecordedCapture(garbage), "/dev/video0", new FrameSourceOptions { WarmUpFrames = 0 });

        var error = Assert.ThrowsAsync<VideoException>(async () => await source.ReadFrameAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain($"{V4l2FrameSource.MaxBadFramesInARow} undecodable frames in a row"));
            Assert.That(error.IsRigFault, Is.True);
        });
    }

    [Test]
    public async Task A_replug_during_a_wait_reopens_the_device_by_usb_port_under_its_new_node_name()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hil-v4l2-replug-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var sysfs = Path.Combine(folder, "sys");
        Directory.CreateSymbolicLink(sysfs, SysfsFixtures.Tree("replug-before"));
        try
        {
            var time = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
            var options = new FrameSourceOptions { WarmUpFrames = 0, TimeProvider = time, ReconnectTimeout = TimeSpan.FromSeconds(5) };
            var opened = new List<string>();
            var recovery = new CaptureRecovery(
                "1-2.1",
                () => CaptureDeviceFinder.FindByUsbPort(sysfs, "/dev", "1-2.1"),
                path =>
                {
                    opened.Add(path);
                    return new RecordedCapture([TestJpegs.PatternJpeg(64, 48, 9)]);
                });
            await using var source = new V4l2FrameSource(new RecordedCapture([TestJpegs.PatternJpeg(32, 16, 1)]), "/dev/video0", options, recovery);
            using (await source.ReadFrameAsync())
            {
            }

            // The device vanishes (end of stream, no node in sysfs), then comes back as video4 on the same USB port.
            var gone = Path.Combine(folder, "gone");
            Directory.CreateDirectory(gone);
            Directory.Delete(sysfs);
            Directory.CreateSymbolicLink(sysfs, gone);
            var waiting = source.ReadFrameAsync().AsTask();
            for (var i = 0; i < 20 && !waiting.IsCompleted; i++)
            {
                if (i == 3)
                {
                    Directory.Delete(sysfs);
                    Directory.CreateSymbolicLink(sysfs, SysfsFixtures.Tree("replug-after"));
                }

                time.Advance(TimeSpan.FromMilliseconds(100));
                await Task.Delay(10);
            }

            using var frame = await waiting;
            Assert.Multiple(() =>
            {
                Assert.That(frame.Size, Is.EqualTo(new Size(64, 48)));
                Assert.That(opened, Is.EqualTo(new[] { "/dev/video4" }));
                Assert.That(source.Device, Is.EqualTo("/dev/video4"));
                Assert.That(source.Reopened, Is.EqualTo(1));
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
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
