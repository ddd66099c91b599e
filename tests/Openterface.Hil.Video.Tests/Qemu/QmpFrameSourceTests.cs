using System.Diagnostics;
using System.Text;
using Openterface.Hil.Imaging;

namespace Openterface.Hil.Video.Tests.Qemu;

public class QmpFrameSourceTests
{
    [Test]
    public async Task Screendumps_become_stamped_bgr_frames()
    {
        await using var server = ServerThatDumps(out _);
        var uri = new Uri($"qmp://{server.SocketPath}?fps=1000");
        await using var source = await QmpFrameSource.OpenAsync(uri);

        using var first = await source.ReadFrameAsync();
        using var second = await source.ReadFrameAsync();

        Assert.Multiple(() =>
        {
            Assert.That(first.Size, Is.EqualTo(new System.Drawing.Size(2, 1)));
            Assert.That(first.Pixels.ToArray(), Is.EqualTo(new byte[] { 3, 2, 1, 6, 5, 4 }));
            Assert.That((first.Sequence, second.Sequence), Is.EqualTo((1L, 2L)));
            Assert.That(second.Timestamp, Is.GreaterThanOrEqualTo(first.Timestamp));
            Assert.That(first.Source, Is.EqualTo(source.Uri));
        });
    }

    [Test]
    public async Task Frames_are_paced_to_the_requested_rate()
    {
        var time = new ManualTimeProvider();
        await using var server = ServerThatDumps(out var dumps);
        await using var source = await QmpFrameSource.OpenAsync(new Uri($"qmp://{server.SocketPath}?fps=10"), time);
        (await source.ReadFrameAsync()).Dispose();

        var next = source.ReadFrameAsync().AsTask();
        await WaitUntilAsync(() => time.ActiveTimers > 0);
        time.Advance(TimeSpan.FromMilliseconds(99));
        var early = next.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(1));
        using var frame = await next.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Multiple(() =>
        {
            Assert.That(early, Is.False, "a frame came before 1/fps had passed");
            Assert.That(frame.Sequence, Is.EqualTo(2));
            Assert.That(dumps(), Is.EqualTo(2));
        });
    }

    [TestCase("http://localhost/stream")]
    [TestCase("qmp:///")]
    [TestCase("qmp:///tmp/qmp.sock?fps=0")]
    [TestCase("qmp:///tmp/qmp.sock?fps=fast")]
    public void Bad_uris_are_rejected_with_the_expected_form(string uri)
    {
        Assert.That(
            async () => await QmpFrameSource.OpenAsync(new Uri(uri)),
            Throws.TypeOf<VideoException>().With.Message.Contains("qmp:///"));
    }

    [Test]
    public void A_missing_socket_is_a_rig_fault()
    {
        var error = Assert.ThrowsAsync<VideoException>(async () => await QmpFrameSource.OpenAsync(new Uri("qmp:///nonexistent/qmp.sock")));

        Assert.That(error!.IsRigFault, Is.True);
    }

    [Test]
    public async Task A_real_qemu_display_is_captured_in_vga_text_mode()
    {
        var directory = Directory.CreateTempSubdirectory("hil-qmp-test-").FullName;
        var socket = Path.Combine(directory, "qmp.sock");
        using var qemu = StartQemu(socket);
        try
        {
            await WaitUntilAsync(() => File.Exists(socket), TimeSpan.FromSeconds(10));
            await using var source = await QmpFrameSource.OpenAsync(new Uri($"qmp://{socket}?fps=50"));

            // The display is 640x480 until SeaBIOS sets 80x25 text mode (720x400) a moment after start.
            var sizes = new List<System.Drawing.Size>();
            var watch = Stopwatch.StartNew();
            Frame frame;
            do
            {
                frame = await source.ReadFrameAsync();
                sizes.Add(frame.Size);
                if (frame.Width != 720)
                {
                    frame.Dispose();
                }
            }
            while (frame.Width != 720 && watch.Elapsed < TimeSpan.FromSeconds(10));

            using (frame)
            {
                Assert.Multiple(() =>
                {
                    Assert.That(sizes[^1], Is.EqualTo(new System.Drawing.Size(720, 400)), "SeaBIOS shows 80x25 VGA text mode");
                    Assert.That(frame.Format, Is.EqualTo(PixelFormat.Bgr24));
                    Assert.That(frame.Sequence, Is.EqualTo(sizes.Count));
                    Assert.That(frame.Source, Does.StartWith("qmp://"));
                });
            }
        }
        finally
        {
            qemu.Kill();
            await qemu.WaitForExitAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static FakeQmpServer ServerThatDumps(out Func<int> count)
    {
        var dumps = 0;
        count = () => Volatile.Read(ref dumps);
        return new FakeQmpServer(request =>
        {
            var file = request.GetProperty("arguments").GetProperty("filename").GetString()!;
            File.WriteAllBytes(file, [.. Encoding.ASCII.GetBytes("P6\n2 1\n255\n"), 1, 2, 3, 4, 5, 6]);
            Interlocked.Increment(ref dumps);
            return ["""{"return": {}, "id": $ID}"""];
        });
    }

    private static Process StartQemu(string socket)
    {
        var info = new ProcessStartInfo("qemu-system-x86_64") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-nodefaults", "-accel", "tcg", "-vga", "std", "-display", "none", "-qmp", $"unix:{socket},server=on,wait=off" })
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            return Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Ignore("qemu-system-x86_64 is not installed (ci/setup installs qemu-system-x86).");
            throw;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > (timeout ?? TimeSpan.FromSeconds(5)))
            {
                Assert.Fail("condition not reached in time");
            }

            await Task.Delay(5);
        }
    }
}
