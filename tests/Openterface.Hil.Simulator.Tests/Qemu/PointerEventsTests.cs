namespace Openterface.Hil.Simulator.Tests.Qemu;

public class PointerEventsTests
{
    [TestCase(0, 0)]
    [TestCase(2048, 16384)]
    [TestCase(4096, 32767)]
    [TestCase(5000, 32767)]
    [TestCase(-1, 0)]
    public void Absolute_coordinates_scale_from_4096_to_32767(int device, int qemu)
    {
        Assert.That(PointerEvents.ToQemu(device), Is.EqualTo(qemu));
    }

    [Test]
    public void Button_changes_become_one_event_each()
    {
        var events = PointerEvents.Buttons(0b001, 0b110).Select(e => e.ToJsonString()).ToList();

        Assert.That(events, Is.EqualTo(new[]
        {
            """[{"type":"btn","data":{"down":false,"button":"left"}}]""",
            """[{"type":"btn","data":{"down":true,"button":"right"}}]""",
            """[{"type":"btn","data":{"down":true,"button":"middle"}}]""",
        }));
    }

    [Test]
    public void Wheel_ticks_are_presses_and_releases_of_the_wheel_buttons()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PointerEvents.Wheel(-2).Count(), Is.EqualTo(4));
            Assert.That(PointerEvents.Wheel(1).First().ToJsonString(), Does.Contain("wheel-up"));
            Assert.That(PointerEvents.Wheel(-1).First().ToJsonString(), Does.Contain("wheel-down"));
            Assert.That(PointerEvents.Wheel(0), Is.Empty);
        });
    }

    [Test]
    public void A_move_sends_both_absolute_axes_in_one_event_batch()
    {
        Assert.That(
            PointerEvents.Absolute(4096, 0).ToJsonString(),
            Is.EqualTo("""[{"type":"abs","data":{"axis":"x","value":32767}},{"type":"abs","data":{"axis":"y","value":0}}]"""));
    }
}
