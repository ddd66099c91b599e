using System.Drawing;
using Openterface.Hil.Tests.Fakes;

namespace Openterface.Hil.Tests.Operator;

public sealed class ClosedLoopTypingTests
{
    [Test]
    public async Task Verified_typing_passes_when_the_field_reads_back_right()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("form"));
        rig.Input.Field = new Rectangle(100, 100, 300, 16);

        await hil.Keyboard.TypeAsync("root", new TypeOptions { VerifyIn = hil.Screen.Region(90, 90, 400, 40) });

        Assert.That(rig.Input.Actions, Is.EqualTo(new[] { "hid ready? (plain)", "type root" }));
        Assert.That(rig.Steps.Started[0].Name, Is.EqualTo("Type 'root' verified in Region(90,90,400,40)"));
    }

    [Test]
    public async Task A_lost_keystroke_is_corrected_by_backspacing_the_differing_tail_and_retyping_it()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("form"));
        rig.Input.Field = new Rectangle(100, 100, 300, 16);
        rig.Input.DropOnce.Add('c');

        await hil.Keyboard.TypeAsync("abcdef", new TypeOptions { VerifyIn = hil.Screen.Region(90, 90, 400, 40) });

        Assert.Multiple(() =>
        {
            Assert.That(rig.Input.FieldText, Is.EqualTo("abcdef"));
            Assert.That(rig.Input.Actions, Is.EqualTo(new[]
            {
                "hid ready? (plain)", "type abcdef", "press backspace", "press backspace", "press backspace", "type cdef",
            }));
        });
    }

    [Test]
    public async Task When_correction_cannot_help_the_failure_shows_a_clear_diff()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("form"));
        rig.Input.Field = new Rectangle(100, 100, 300, 16);
        rig.Input.Misread['l'] = '1';

        var failure = Assert.ThrowsAsync<ExpectationFailedException>(() => hil.Keyboard.TypeAsync(
            "hello", new TypeOptions { VerifyIn = hil.Screen.Region(90, 90, 400, 40), MaxCorrections = 1, VerifyTimeout = TimeSpan.FromSeconds(2) }));

        Assert.That(failure!.Message, Does.StartWith(
            """
            Keyboard.TypeAsync('hello', VerifyIn = Region(90,90,400,40)) failed
            Expected: 'hello'
            Seen: 'he11o' (first difference at character 3; 1 correction(s) made)
            """));
        Assert.That(failure.Message, Does.EndWith(
            """
            Timeout: 2s per read-back
            Call log:
              - typed 'hello', read 'he11o'
              - corrected: 3 backspace(s), typed 'llo', read 'he11o'
            """));
        Assert.Multiple(() =>
        {
            Assert.That(rig.Input.Actions.Count(a => a == "press backspace"), Is.EqualTo(3));
            Assert.That(rig.Logs.AllText(), Does.Not.Contain("hello").And.Not.Contain("llo'"), "typed text stays out of logs");
            Assert.That(rig.Logs.AllText(), Does.Contain("Keyboard.TypeAsync(5 characters, VerifyIn = Region(90,90,400,40)) failed after 1 correction(s)"));
        });
    }

    [Test]
    public void Correction_keeps_the_common_prefix()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ClosedLoopTyping.Correction("abdef", "abcdef"), Is.EqualTo((3, "cdef")));
            Assert.That(ClosedLoopTyping.Correction("abcdefg", "abcdef"), Is.EqualTo((1, string.Empty)));
            Assert.That(ClosedLoopTyping.Correction(string.Empty, "abc"), Is.EqualTo((0, "abc")));
        });
    }
}
