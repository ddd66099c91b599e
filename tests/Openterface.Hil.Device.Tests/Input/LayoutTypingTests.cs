using Openterface.Hil.Protocol;

namespace Openterface.Hil.Device.Tests;

/// <summary>Each layout types a sample through the emulated CH9329; the target, decoding with its own layout, shows the same text.</summary>
[TestFixture]
public sealed class LayoutTypingTests
{
    [TestCase("es", "¡Señor! ¿Qué tal? Ángel: 5€ @ # ~ \\ [ ] { } ç ü â")]
    [TestCase("it", "Perché? Città, però è così: 5€ £3 @ # [ ] ° § ç ~ `")]
    [TestCase("sv", "Räksmörgås åt Östen: 5€ £3 @ $ { } [ ] \\ | ~ é ñ")]
    [TestCase("ja", "x=1+2*3; a@b [c] {d} ~f^ `g` 'h' \"i\" \\ | _")]
    [TestCase("dvorak", "The quick brown fox jumps over the lazy dog; 42 {x} [y] <z>?")]
    public async Task A_sample_typed_through_the_emulator_shows_on_a_target_with_that_layout(string name, string sample)
    {
        var layout = KeyboardLayout.FromName(name);
        await using var rig = await MemoryRig.StartAsync(layout: layout);

        await rig.Kvm.Keyboard.TypeAsync(sample, layout);

        Assert.Multiple(() =>
        {
            Assert.That(rig.Target.Text, Is.EqualTo(sample));
            Assert.That(rig.Target.AllKeysReleased, Is.True);
        });
    }

    [Test]
    public async Task The_same_keys_on_a_us_target_show_other_text()
    {
        await using var rig = await MemoryRig.StartAsync(layout: KeyboardLayout.Us);

        await rig.Kvm.Keyboard.TypeAsync("aoeu", KeyboardLayout.Dvorak);

        Assert.That(rig.Target.Text, Is.EqualTo("asdf"), "the CH9329 sends key positions; the target's layout picks the characters");
    }
}
