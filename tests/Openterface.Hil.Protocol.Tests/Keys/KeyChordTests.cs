namespace Openterface.Hil.Protocol.Tests;

[TestFixture]
public sealed class KeyChordTests
{
    [TestCase("ctrl+alt+delete", KeyModifiers.LeftCtrl | KeyModifiers.LeftAlt, HidUsage.Delete)]
    [TestCase("shift+f10", KeyModifiers.LeftShift, HidUsage.F10)]
    [TestCase("win+r", KeyModifiers.LeftGui, HidUsage.R)]
    [TestCase("altgr+q", KeyModifiers.RightAlt, HidUsage.Q)]
    [TestCase("CTRL+Alt+DEL", KeyModifiers.LeftCtrl | KeyModifiers.LeftAlt, HidUsage.Delete)]
    [TestCase("super+pgup", KeyModifiers.LeftGui, HidUsage.PageUp)]
    [TestCase("meta+pagedown", KeyModifiers.LeftGui, HidUsage.PageDown)]
    [TestCase("gui+esc", KeyModifiers.LeftGui, HidUsage.Escape)]
    [TestCase("escape", KeyModifiers.None, HidUsage.Escape)]
    [TestCase("return", KeyModifiers.None, HidUsage.Enter)]
    [TestCase("enter", KeyModifiers.None, HidUsage.Enter)]
    [TestCase("ralt+e", KeyModifiers.RightAlt, HidUsage.E)]
    [TestCase("rctrl+rshift+1", KeyModifiers.RightCtrl | KeyModifiers.RightShift, HidUsage.D1)]
    [TestCase("f24", KeyModifiers.None, HidUsage.F24)]
    [TestCase("kp5", KeyModifiers.None, HidUsage.Keypad5)]
    [TestCase("shift+tab", KeyModifiers.LeftShift, HidUsage.Tab)]
    public void Chord_names_parse_case_insensitively_with_aliases(string chord, KeyModifiers modifiers, HidUsage key)
    {
        var parsed = KeyChord.Parse(chord);
        Assert.Multiple(() =>
        {
            Assert.That(parsed.Modifiers, Is.EqualTo(modifiers));
            Assert.That(parsed.Keys, Is.EqualTo(new[] { key }));
        });
    }

    [Test]
    public void A_modifier_alone_is_a_chord_without_keys()
    {
        var parsed = KeyChord.Parse("shift");
        Assert.That((parsed.Modifiers, parsed.Keys.Count), Is.EqualTo((KeyModifiers.LeftShift, 0)));
    }

    [Test]
    public void Unknown_key_name_gives_a_clear_error_with_close_matches()
    {
        var error = Assert.Throws<ArgumentException>(() => KeyChord.Parse("ctrl+entr"))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain("Unknown key 'entr'"));
            Assert.That(error.Message, Does.Contain("'enter'"));
            Assert.That(error.Message, Does.Contain("ctrl+entr"));
        });
    }

    [Test]
    public void Misspelt_modifier_suggests_the_modifier()
    {
        var error = Assert.Throws<ArgumentException>(() => KeyChord.Parse("ctlr+c"))!;
        Assert.That(error.Message, Does.Contain("'ctrl'"));
    }

    [Test]
    public void Seven_keys_in_one_chord_are_refused()
    {
        Assert.Throws<ArgumentException>(() => KeyChord.Parse("a+b+c+d+e+f+g"));
    }

    [Test]
    public void Chord_report_holds_modifier_bits_and_usages()
    {
        var report = KeyChord.Parse("ctrl+alt+delete").ToReport();
        Span<byte> data = stackalloc byte[8];
        report.WriteTo(data);
        Assert.That(data.ToArray(), Is.EqualTo(new byte[] { 0x05, 0, 0x4C, 0, 0, 0, 0, 0 }));
    }

    [Test]
    public void Every_usage_of_the_keyboard_page_has_a_name_that_parses_back()
    {
        foreach (var usage in Enum.GetValues<HidUsage>().Where(u => u is >= HidUsage.A and < HidUsage.LeftCtrl && u != HidUsage.Return))
        {
            var chord = KeyChord.Parse(new KeyChord(KeyModifiers.None, usage).ToString());
            Assert.That(chord.Keys, Is.EqualTo(new[] { usage }), usage.ToString());
        }
    }

    [Test]
    public void Keyboard_report_fold_moves_modifier_usages_into_bits()
    {
        var (modifiers, usages) = new KeyboardReport(KeyModifiers.LeftCtrl, [0xE2, 0x4C, 0xE7]).Fold();
        Assert.Multiple(() =>
        {
            Assert.That(modifiers, Is.EqualTo(KeyModifiers.LeftCtrl | KeyModifiers.LeftAlt | KeyModifiers.RightGui));
            Assert.That(usages, Is.EqualTo(new byte[] { 0x4C }));
        });
    }
}
