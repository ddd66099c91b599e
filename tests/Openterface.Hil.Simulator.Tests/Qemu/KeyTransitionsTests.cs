namespace Openterface.Hil.Simulator.Tests.Qemu;

public class KeyTransitionsTests
{
    [Test]
    public void Shift_a_presses_the_modifier_before_the_key()
    {
        var transitions = KeyTransitions.Between(0, [], 0x02, [0x04]);

        Assert.That(transitions.Select(t => (t.Key, t.Down)), Is.EqualTo(new[] { ("shift", true), ("a", true) }));
    }

    [Test]
    public void Releasing_everything_releases_keys_before_modifiers()
    {
        var transitions = KeyTransitions.Between(0x05, [0x04, 0x05], 0, []);

        Assert.That(transitions.Select(t => (t.Key, t.Down)), Is.EqualTo(new[]
        {
            ("a", false), ("b", false), ("ctrl", false), ("alt", false),
        }));
    }

    [Test]
    public void An_unchanged_state_sends_nothing_and_a_rollover_only_the_difference()
    {
        Assert.Multiple(() =>
        {
            Assert.That(KeyTransitions.Between(0x01, [0x04], 0x01, [0x04]), Is.Empty);
            Assert.That(
                KeyTransitions.Between(0, [0x04, 0x05], 0, [0x05, 0x06]).Select(t => (t.Key, t.Down)),
                Is.EqualTo(new[] { ("a", false), ("c", true) }));
        });
    }

    [Test]
    public void Right_hand_modifiers_map_to_their_own_keys()
    {
        var transitions = KeyTransitions.Between(0, [], 0xF0, []);

        Assert.That(transitions.Select(t => t.Key), Is.EqualTo(new[] { "ctrl_r", "shift_r", "alt_r", "meta_r" }));
    }

    [Test]
    public void The_whole_keyboard_page_is_mapped_except_what_qemu_cannot_send()
    {
        var unmapped = Enumerable.Range(0x04, 0xA4 - 0x04).Where(u => QemuKeyCodes.Usage((byte)u) is null).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(Enumerable.Range(0x04, 0x64 - 0x04).Where(u => QemuKeyCodes.Usage((byte)u) is null), Is.Empty, "0x04..0x63");
            Assert.That(QemuKeyCodes.Usage(0x3A), Is.EqualTo("f1"));
            Assert.That(QemuKeyCodes.Usage(0x45), Is.EqualTo("f12"));
            Assert.That(QemuKeyCodes.Usage(0x52), Is.EqualTo("up"));
            Assert.That(QemuKeyCodes.Usage(0x62), Is.EqualTo("kp_0"));
            Assert.That(QemuKeyCodes.Usage(0x64), Is.EqualTo("less"));
            Assert.That(QemuKeyCodes.Usage(0x87), Is.EqualTo("ro"));
            Assert.That(QemuKeyCodes.Usage(0x89), Is.EqualTo("yen"));
            Assert.That(unmapped, Does.Contain(0x68), "F13: QEMU 7.2 has no qcode");
        });
    }
}
