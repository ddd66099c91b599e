using System.Drawing;
using Openterface.Hil.Tests.Fakes;

namespace Openterface.Hil.Tests.Operator;

public sealed class MouseTests
{
    [Test]
    public async Task Pixels_map_to_device_units_over_the_whole_frame_without_letterbox()
    {
        await using var rig = new FakeRig(new Size(1024, 768));
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("desktop"));
        rig.Video.Emit();

        await hil.Mouse.MoveAsync(0, 0);
        await hil.Mouse.MoveAsync(511, 383);
        await hil.Mouse.MoveAsync(1023, 767);

        Assert.That(rig.Input.Actions.Where(a => a.StartsWith("move", StringComparison.Ordinal)),
            Is.EqualTo(new[] { "move 2,2", "move 2046,2045", "move 4094,4093" }));
    }

    [Test]
    public async Task Pillarboxed_pictures_map_the_active_area_to_the_full_device_range()
    {
        // A 4:3 target in a 16:9 capture: 1440x1080 picture centred in 1920x1080, black bars of 240 px.
        await using var rig = new FakeRig(new Size(1920, 1080));
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("bios") { Picture = new Rectangle(240, 0, 1440, 1080) });
        rig.Video.Emit();

        await hil.Mouse.ClickAsync(240, 0);
        await hil.Mouse.ClickAsync(1679, 1079, MouseButton.Right);

        Assert.Multiple(() =>
        {
            Assert.That(rig.Input.Actions.Skip(1), Is.EqualTo(new[] { "move 1,1", "click Left", "move 4094,4094", "click Right" }));
            Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => hil.Mouse.ClickAsync(100, 500));
        });
    }

    [Test]
    public void Active_picture_ignores_dark_content_that_is_not_symmetric()
    {
        var pixels = new byte[100 * 50];
        for (var y = 0; y < 50; y++)
        {
            pixels.AsSpan((y * 100) + 30, 70).Fill(200);
        }

        using var frame = Imaging.Frame.FromPixels(pixels, 100, 50, Imaging.PixelFormat.Gray8);

        Assert.That(PointerMapping.ActivePicture(frame), Is.EqualTo(new Rectangle(0, 0, 100, 50)));
    }

    [Test]
    public async Task Down_up_and_scroll_are_actions_with_steps()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();

        await hil.Mouse.DownAsync();
        await hil.Mouse.UpAsync(MouseButton.Middle);
        await hil.Mouse.ScrollAsync(-3);

        Assert.Multiple(() =>
        {
            Assert.That(rig.Input.Actions.Skip(1), Is.EqualTo(new[] { "mouse down Left", "mouse up Middle", "scroll -3" }));
            Assert.That(rig.Steps.Started.Select(s => s.Name), Is.EqualTo(new[] { "Mouse down left", "Mouse up middle", "Scroll -3" }));
        });
    }

    [Test]
    public async Task Disposing_the_session_releases_mouse_buttons_still_held()
    {
        var rig = new FakeRig();
        var hil = rig.Session();
        await hil.Mouse.DownAsync();
        await hil.Mouse.DownAsync(MouseButton.Right);
        await hil.Mouse.UpAsync(MouseButton.Right);

        await hil.DisposeAsync();

        Assert.That(rig.Input.Actions.Skip(4), Is.EqualTo(new[] { "release all", "mouse up Left" }));
    }

    [Test]
    public async Task Clicking_a_locator_waits_for_it_and_clicks_its_click_point()
    {
        await using var rig = new FakeRig().Needle("ok", 500, 400);
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("empty"));
        rig.Video.ShowAfter(TimeSpan.FromMilliseconds(350), new Scene("dialog").WithNeedle("ok", 500, 400, 0.99));

        await hil.Screen.Needle("ok").ClickAsync();

        Assert.Multiple(() =>
        {
            Assert.That(rig.Input.Actions.Skip(1), Is.EqualTo(new[] { "move 2082,2189", "click Left" }));
            Assert.That(rig.Steps.Started.Select(s => s.Name), Is.EqualTo(new[] { "Click Needle('ok')", "Wait for Needle('ok')", "Click left at 520,410" }));
            Assert.That(rig.Steps.Started[1].ParentId, Is.EqualTo(rig.Steps.Started[0].Id));
            Assert.That(rig.Steps.Started[2].ParentId, Is.EqualTo(rig.Steps.Started[0].Id));
        });
    }

    [Test]
    public async Task Clicking_text_clicks_its_centre()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("menu").WithText("Boot from disk", 100, 200));

        await hil.Screen.Text("from disk").ClickAsync(MouseButton.Right);

        // Words "from" (145..181) and "disk" (190..226) at y 200..216: centre 185,208.
        Assert.That(rig.Steps.Started.Last().Name, Is.EqualTo("Click right at 185,208"));
    }
}
