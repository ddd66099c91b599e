using System.Drawing;
using Openterface.Hil.Protocol;

namespace Openterface.Hil.Device.Tests;

[TestFixture]
public sealed class MouseTests
{
    [Test]
    public async Task Move_click_and_scroll_reach_the_target_with_buttons_and_signed_wheel()
    {
        await using var rig = await MemoryRig.StartAsync();
        var (x, y) = AbsolutePointer.FromPixel(new Point(960, 540), new Size(1920, 1080));

        await rig.Kvm.Mouse.MoveToAsync(x, y);
        await rig.Kvm.Mouse.ClickAsync(MouseButton.Right);
        await rig.Kvm.Mouse.ScrollAsync(-3);
        await rig.Kvm.Mouse.MoveByAsync(300, -10);

        Assert.That(rig.Target.PointerEvents, Is.EqualTo(new[]
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

        Assert.That(rig.Target.PointerEvents, Is.EqualTo(new[]
        {
            "abs 100,100 buttons 0 wheel 0", "abs 100,100 buttons 1 wheel 0", "abs 200,300 buttons 1 wheel 0", "abs 200,300 buttons 0 wheel 0",
        }));
    }
}
