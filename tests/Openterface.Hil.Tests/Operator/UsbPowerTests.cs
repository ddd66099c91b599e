using Openterface.Hil.Tests.Fakes;

namespace Openterface.Hil.Tests.Operator;

public sealed class UsbPowerTests
{
    [Test]
    public async Task Usb_switch_moves_the_port_and_reports_its_position()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();

        await hil.Usb.SwitchToTargetAsync();
        var atTarget = await hil.Usb.GetPositionAsync();
        await hil.Usb.SwitchToHostAsync();
        var atHost = await hil.Usb.GetPositionAsync();

        Assert.Multiple(() =>
        {
            Assert.That((atTarget, atHost), Is.EqualTo((UsbSwitchPosition.Target, UsbSwitchPosition.Host)));
            Assert.That(rig.Input.Actions, Is.EqualTo(new[] { "usb target", "usb host" }), "no HID gate for the USB switch");
            Assert.That(rig.Steps.Started.Select(s => s.Kind), Is.EqualTo(new[] { StepKind.Action, StepKind.Read, StepKind.Action, StepKind.Read }));
        });
    }

    [Test]
    public async Task Power_on_off_reset_go_through_the_configured_switch()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();

        await hil.Power.OnAsync();
        await hil.Power.ResetAsync();
        await hil.Power.OffAsync();

        Assert.Multiple(() =>
        {
            Assert.That(hil.Power.IsAvailable, Is.True);
            Assert.That(rig.Input.Actions, Is.EqualTo(new[] { "power on", "power reset", "power off" }));
        });
    }

    [Test]
    public async Task Power_cycle_waits_the_off_time_on_the_clock()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();

        var cycle = hil.Power.CycleAsync(TimeSpan.FromSeconds(3));
        Assert.That(rig.Input.Actions, Is.EqualTo(new[] { "power off" }));
        rig.Clock.Advance(TimeSpan.FromSeconds(2.9));
        Assert.That(cycle.IsCompleted, Is.False);
        rig.Clock.Advance(TimeSpan.FromSeconds(0.1));
        await cycle;

        Assert.That(rig.Input.Actions, Is.EqualTo(new[] { "power off", "power on" }));
    }

    [Test]
    public async Task After_a_power_change_the_next_keystroke_waits_for_enumeration_again()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();

        await hil.Keyboard.PressAsync("a");
        await hil.Power.ResetAsync();
        await hil.Keyboard.PressAsync("b");

        Assert.That(rig.Input.Actions, Is.EqualTo(new[] { "hid ready? (plain)", "press a", "power reset", "hid ready? (plain)", "press b" }));
    }

    [Test]
    public async Task Without_a_power_switch_power_calls_explain_what_to_configure()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session(withPower: false);

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => hil.Power.CycleAsync());

        Assert.That(error!.Message, Is.EqualTo(
            "Power cycle (5s off): no power switch is configured. Set HilOptions.PowerSwitch (an IPowerSwitch) or HilOptions.Power (a URI)."));
        Assert.That(hil.Power.IsAvailable, Is.False);
    }

    [Test]
    public async Task A_failing_power_switch_is_a_rig_fault()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Input.FailNext = new TimeoutException("relay did not answer");

        var fault = Assert.ThrowsAsync<RigFaultException>(() => hil.Power.OnAsync());

        Assert.That(fault!.Message, Does.StartWith("The Mini-KVM failed during Power on: relay did not answer"));
    }
}
