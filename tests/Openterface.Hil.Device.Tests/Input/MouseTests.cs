using System.Drawing;
using Openterface.Hil.Protocol;

namespace Openterface.Hil.Device.Tests;

[TestFixture]
public sealed class MouseTests
{
    /// <summary>Connect releases both pointers (absolute then relative) before anything else.</summary>
    private const int ReleasedAtConnect = 2;

    [Test]
    public async Task Release_all_lets_go_of_a_button_held_on_the_absolute_pointer()
    {
        await using var rig = await MemoryRig.StartAsync();
        await rig.Kvm.Mouse.MoveToAsync(100, 200);
        await rig.Kvm.Mouse.DownAsync(MouseButton.Left);

        await rig.Kvm.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(rig.Target.LastAbsolute, Is.EqualTo((100, 200, (byte)0)), "the absolute pointer carries the button: released there, in place");
            Assert.That(rig.Target.PointerEvents[^1], Is.EqualTo("rel 0,0 buttons 0 wheel 0"));
        });
    }

    [Test]
    public async Task A_lost_ACK_never_doubles_a_relative_move()
    {
        await using var rig = await MemoryRig.StartAsync();
        var before = rig.Target.PointerEvents.Count;
        rig.Emulator.Faults.DropReplies = 1;

        await rig.Kvm.Mouse.MoveByAsync(10, 5);

        Assert.Multiple(() =>
        {
            Assert.That(rig.Target.PointerEvents.Skip(before), Is.EqualTo(new[] { "rel 10,5 buttons 0 wheel 0" }));
            Assert.That(rig.Kvm.Transcript, Has.Some.Contains("not resent"));
        });
    }

    [Test]
    public async Task A_lost_ACK_never_doubles_a_wheel_step()
    {
        await using var rig = await MemoryRig.StartAsync();
        var before = rig.Target.PointerEvents.Count;
        rig.Emulator.Faults.DropReplies = 1;

        await rig.Kvm.Mouse.ScrollAsync(2);

        Assert.That(rig.Target.PointerEvents.Skip(before), Is.EqualTo(new[] { "rel 0,0 buttons 0 wheel 2" }));
    }

    [Test]
    public async Task Move_click_and_scroll_reach_the_target_with_buttons_and_signed_wheel()
    {
        await using var rig = await MemoryRig.StartAsync();
        var (x, y) = AbsolutePointer.FromPixel(new Point(960, 540), new Size(1920, 1080));

        await rig.Kvm.Mouse.MoveToAsync(x, y);
        await rig.Kvm.Mouse.ClickAsync(MouseButton.Right);
        await rig.Kvm.Mouse.ScrollAsync(-3);
        await rig.Kvm.Mouse.MoveByAsync(300, -10);

        Assert.That(rig.Target.PointerEvents.Skip(ReleasedAtConnect), Is.EqualTo(new[]
        {
            "abs 2048,2048 buttons 0 wheel 0",
            "abs 2048,2048 buttons 2 wheel 0",
            "abs 2048,2048 buttons 0 wheel 0",
            "rel 0,0 buttons 0 wheel -3",
            "rel 127,-10 buttons 0 wheel 0",
            "rel 127,0 buttons 0 wheel 0",
            "rel 46,0 buttons 0 wheel 0",
        }));
    }

    [Test]
    public async Task Drag_keeps_the_button_down_while_moving()
    {
        await using var rig = await MemoryRig.StartAsync();

        await rig.Kvm.Mouse.MoveToAsync(100, 100);
        await rig.Kvm.Mouse.DownAsync(MouseButton.Left);
        await rig.Kvm.Mouse.MoveToAsync(200, 300);
        await rig.Kvm.Mouse.UpAsync(MouseButton.Left);

        Assert.That(rig.Target.PointerEvents.Skip(ReleasedAtConnect), Is.EqualTo(new[]
        {
            "abs 100,100 buttons 0 wheel 0", "abs 100,100 buttons 1 wheel 0", "abs 200,300 buttons 1 wheel 0", "abs 200,300 buttons 0 wheel 0",
        }));
    }
}
