using System.Diagnostics;
using Openterface.Hil.Protocol;
using Openterface.Hil.Simulator;

namespace Openterface.Hil.Device.Tests;

/// <summary>Issue 15 finding 8 / issue 14 finding 3: every connection starts with release-all.</summary>
[TestFixture]
public sealed class ReleaseOnConnectTests
{
    [Test]
    public async Task Connect_sends_release_all_right_after_the_probe()
    {
        await using var rig = await MemoryRig.StartAsync();

        var sent = rig.Kvm.Transcript.Where(l => l.StartsWith("TX", StringComparison.Ordinal)).Take(5).ToList();

        Assert.That(sent, Is.EqualTo(new[]
        {
            "TX " + Ch9329Requests.GetInfo(),
            "TX " + Ch9329Requests.Keyboard(KeyboardReport.Released),
            "TX " + Ch9329Requests.MouseAbsolute(0, 0),
            "TX " + Ch9329Requests.MouseRelative(0, 0),
            "TX 57 AB 00 03 04 02 00 00 00 0B",
        }));
    }

    [Test]
    public async Task Ending_a_connection_that_never_moved_the_mouse_leaves_the_cursor_where_it_is()
    {
        await using var rig = await MemoryRig.StartAsync();
        var absoluteAtConnect = AbsoluteReports(rig).Count;

        await rig.Kvm.Keyboard.PressAsync("a");
        await rig.Kvm.DisposeAsync();

        Assert.That(AbsoluteReports(rig), Has.Count.EqualTo(absoluteAtConnect), "no absolute report (a jump to 0,0) at the end");
    }

    [Test]
    public async Task Ending_a_connection_after_a_move_releases_the_absolute_pointer_where_it_was()
    {
        await using var rig = await MemoryRig.StartAsync();
        await rig.Kvm.Mouse.MoveToAsync(1200, 3400);

        await rig.Kvm.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(AbsoluteReports(rig)[^1], Is.EqualTo("TX " + Ch9329Requests.MouseAbsolute(1200, 3400)));
            Assert.That(rig.Target.LastAbsolute, Is.EqualTo((1200, 3400, (byte)0)));
        });
    }

    private static List<string> AbsoluteReports(MemoryRig rig) =>
        rig.Kvm.Transcript.Where(l => l.StartsWith("TX 57 AB 00 04 ", StringComparison.Ordinal)).ToList();

    [Test]
    public async Task A_key_held_by_a_runner_killed_with_SIGKILL_is_released_by_the_next_connection()
    {
        var target = new RecordingTarget();
        await using var _ = target;
        await using var server = new PtyCh9329Server(new Ch9329Emulator(target));
        var shiftHeld = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(shiftHeld, Ch9329Requests.Keyboard(new KeyboardReport(KeyModifiers.LeftShift, [])).ToBytes());

            // The "runner": a separate process that holds shift on the Mini-KVM and is then killed with SIGKILL.
            using var runner = Process.Start(new ProcessStartInfo("sh", ["-c", $"stty -F '{server.Path}' 115200 raw -echo && cat '{shiftHeld}' > '{server.Path}' && exec sleep 60"]))!;
            for (var i = 0; i < 500 && target.KeyboardStates.Count == 0; i++)
            {
                await Task.Delay(10);
            }

            var heldBefore = !target.AllKeysReleased;
            runner.Kill();
            await runner.WaitForExitAsync();

            // The next session only looks: connect and read GET_INFO.
            await using var kvm = await MiniKvm.ConnectAsync(server.Path, new MiniKvmOptions { HeartbeatInterval = TimeSpan.Zero });
            await kvm.GetInfoAsync();

            Assert.Multiple(() =>
            {
                Assert.That(heldBefore, Is.True, "the killed runner left shift held");
                Assert.That(target.AllKeysReleased, Is.True, "the new connection released it");
            });
        }
        finally
        {
            File.Delete(shiftHeld);
        }
    }
}
