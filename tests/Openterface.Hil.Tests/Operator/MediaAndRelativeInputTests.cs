using Openterface.Hil.Tests.Fakes;

namespace Openterface.Hil.Tests.Operator;

/// <summary>Input API gaps (issue 16): media keys, ACPI power keys and relative mouse moves, each in its own step.</summary>
public sealed class MediaAndRelativeInputTests
{
    [Test]
    public async Task Media_keys_are_sent_by_name_in_a_step()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();

        await hil.Keyboard.PressMediaAsync("volume-up");
        await hil.Keyboard.PressMediaAsync("Play-Pause");

        Assert.Multiple(() =>
        {
            Assert.That(rig.Input.Actions.Where(a => a.StartsWith("media", StringComparison.Ordinal)), Is.EqualTo(new[] { "media VolumeUp", "media PlayPause" }));
            Assert.That(rig.Steps.Started.Select(s => s.Name), Does.Contain("Press media key 'play-pause'"));
        });
    }

    [Test]
    public async Task An_unknown_media_key_fails_early_with_a_suggestion_and_sends_nothing()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Input.TargetEnumerated = false;

        var error = Assert.ThrowsAsync<ArgumentException>(() => hil.Keyboard.PressMediaAsync("volum-up"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("'volume-up'"));
            Assert.That(rig.Input.Actions, Is.Empty, "no HID readiness wait, no report sent");
            Assert.That(rig.Steps.Started, Is.Empty, "no step opened");
        });
    }

    [Test]
    public async Task Acpi_keys_need_no_power_switch()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session(withPower: false);

        await hil.Power.SleepKeyAsync();
        await hil.Power.WakeKeyAsync();
        await hil.Power.PowerKeyAsync();

        Assert.That(rig.Input.Actions.Where(a => a.StartsWith("acpi", StringComparison.Ordinal)),
            Is.EqualTo(new[] { "acpi Sleep", "acpi WakeUp", "acpi Power" }));
    }

    [Test]
    public async Task Relative_moves_pass_hid_counts_through_unchanged()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();

        await hil.Mouse.MoveByAsync(300, -20);

        Assert.Multiple(() =>
        {
            Assert.That(rig.Input.Actions.Where(a => a.StartsWith("move by", StringComparison.Ordinal)), Is.EqualTo(new[] { "move by 300,-20" }));
            Assert.That(rig.Steps.Started.Select(s => s.Name), Does.Contain("Move mouse by 300,-20"));
        });
    }
}
