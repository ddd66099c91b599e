using System.Text.RegularExpressions;
using Openterface.Hil.Tests.Fakes;

namespace Openterface.Hil.Tests.Operator;

/// <summary>
/// Secrets as users type them ("hil\n": the password and Enter) and as OCR reads them back (on one line, misread,
/// cut): none of it may reach a step, a message, a screenshot or a video (issue 14, findings 1, 2, 10 and 12).
/// </summary>
public sealed partial class SecretOnScreenTests
{
    private const string Typed = "hil\n";

    private static readonly ExpectOptions Short = new() { Timeout = TimeSpan.FromSeconds(1) };

    [GeneratedRegex(@"\bhil\b")]
    private static partial Regex SecretWord();

    [TestCase("hil", TestName = "A_secret_typed_with_enter_is_masked_in_OCR_text_as_shown")]
    [TestCase("h1l", TestName = "A_secret_misread_by_one_glyph_is_masked_in_OCR_text")]
    public async Task A_secret_read_back_by_OCR_is_masked(string onScreen)
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("login").WithText("Password:"));
        await hil.Keyboard.TypeSecretAsync(Typed);
        rig.Video.Show(new Scene("echoed").WithText($"login: {onScreen}"));

        var failure = Assert.ThrowsAsync<ExpectationFailedException>(() => hil.Expect(hil.Screen.Text("Welcome")).ToBeVisibleAsync(Short));

        Assert.Multiple(() =>
        {
            Assert.That(failure!.Message, Does.Contain("Seen: 'login: ***'"));
            Assert.That(failure.Message, Does.Not.Contain(onScreen));
            Assert.That(rig.Steps.AllText(), Does.Not.Contain(onScreen));
        });
    }

    [Test]
    public async Task A_secret_cut_by_the_60_character_limit_is_masked_before_the_cut()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("login"));
        await hil.Keyboard.TypeSecretAsync(Typed);

        // 57 characters, then " hil": the secret starts at character 58, so a 60-character cut keeps only "hi".
        var filler = string.Join(' ', Enumerable.Repeat("abcdefg", 7)) + " z";
        rig.Video.Show(new Scene("echoed").WithText($"{filler} hil"));

        var failure = Assert.ThrowsAsync<ExpectationFailedException>(() => hil.Expect(hil.Screen.Text("Welcome")).ToBeVisibleAsync(Short));

        Assert.That(filler, Has.Length.EqualTo(57));
        Assert.That(failure!.Message, Does.Not.Contain(" hi").And.Contain($"{filler} *"));
    }

    [Test]
    public void Each_line_of_a_secret_is_registered_without_CR_or_LF()
    {
        var secrets = new SessionSecrets();
        secrets.Register("first\r\nsecond\n");

        Assert.That(secrets.Redact("user first, then second; firstsecond"), Is.EqualTo("user ***, then ***; ******"));
    }

    [TestCase("login: h1l", "login: ***")]
    [TestCase("login: hi1l", "login: ***")]
    [TestCase("login: Hil", "login: ***")]
    [TestCase("a file or a hint", "a file or a hint")]
    public void Near_misses_of_a_secret_are_masked_only_as_whole_words(string read, string masked)
    {
        new SessionSecrets().Register("hil");

        Assert.That(SessionSecrets.RedactReading(read), Is.EqualTo(masked));
    }

    [Test]
    public async Task Steps_show_a_placeholder_from_the_secret_until_the_next_other_input()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("login").WithText("Password:"));
        rig.Input.React("enter", TimeSpan.FromMilliseconds(300), new Scene("welcome").WithText("Welcome"));
        _ = rig.Video.Emit();

        await hil.Keyboard.TypeSecretAsync("hil");
        var open = hil.SecretMayBeOnScreen;
        await hil.Expect(hil.Screen.Text("Password:")).ToBeVisibleAsync(Short with { AfterInputChange = false });
        await hil.Keyboard.PressAsync("enter");
        await hil.Expect(hil.Screen.Text("Welcome")).ToBeVisibleAsync(Short);

        static bool Withheld(List<StepAttachment> attachments) => attachments.Any(a => a.Name == "screenshot withheld");
        var finished = rig.Steps.Finished.ToDictionary(f => f.Step.Name, f => Withheld(f.Attachments));
        Assert.Multiple(() =>
        {
            Assert.That(open, Is.True);
            Assert.That(hil.SecretMayBeOnScreen, Is.False, "closed by pressing enter");
            Assert.That(finished["Type secret"], Is.True);
            Assert.That(finished.Single(f => f.Key.Contains("Password:", StringComparison.Ordinal)).Value, Is.True);
            Assert.That(finished["Press 'enter'"], Is.True, "its frame was captured before the enter went out");
            Assert.That(finished.Single(f => f.Key.Contains("Welcome", StringComparison.Ordinal)).Value, Is.False);
        });
    }

    [Test]
    public void The_secret_window_covers_frames_from_the_secret_to_the_next_other_action()
    {
        var clock = new ManualTimeProvider();
        var window = new SecretWindow(clock);
        var before = clock.GetTimestamp();
        clock.Advance(TimeSpan.FromSeconds(1));
        window.Open();
        using (window.Hold())
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            window.Close();
        }

        var held = clock.GetTimestamp();
        clock.Advance(TimeSpan.FromSeconds(1));
        window.Close();
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(window.IsOpen, Is.False);
            Assert.That(window.Covers(before), Is.False);
            Assert.That(window.Covers(held), Is.True, "a hold keeps the window open over a non-secret action");
            Assert.That(window.Covers(clock.GetTimestamp()), Is.False);
        });
    }

    [Test]
    public async Task A_secret_with_a_character_the_layout_cannot_type_is_not_named_in_the_error()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        var layoutError = Assert.Throws<ArgumentException>(() => KeyboardLayout.FromName("us").ToStrokes("hi\u00a7l"));
        rig.Input.FailNext = layoutError;

        var error = Assert.ThrowsAsync<ArgumentException>(() => hil.Keyboard.TypeSecretAsync("hi\u00a7l", new TypeOptions { Layout = "us" }));

        Assert.Multiple(() =>
        {
            Assert.That(layoutError!.Message, Does.Contain("\u00a7"), "the layout names the character");
            Assert.That(error!.Message, Does.Contain("cannot type").And.Not.Contain("\u00a7").And.Not.Contain("U+00A7"));
            Assert.That(error.InnerException, Is.Null);
            Assert.That(rig.Steps.AllText(), Does.Not.Contain("\u00a7"));
        });
    }

    [Test]
    public async Task A_secret_verified_in_a_password_field_compares_asterisks_and_retypes_it_whole()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session(o => o with { SensitiveLogging = true });
        rig.Video.Show(new Scene("login"));
        rig.Input.Field = new System.Drawing.Rectangle(100, 100, 300, 16);
        rig.Input.MaskEcho = true;
        rig.Input.DropOnce.Add('i');

        await hil.Keyboard.TypeSecretAsync("hil", new TypeOptions { VerifyIn = hil.Screen.Region(90, 90, 400, 40) });

        Assert.Multiple(() =>
        {
            Assert.That(rig.Input.FieldText, Is.EqualTo("hil"));
            Assert.That(rig.Input.Actions.Count(a => a == "press backspace"), Is.EqualTo(2), "clears the 2 asterisks");
            Assert.That(rig.Input.Actions.Count(a => a == "type hil [secret]"), Is.EqualTo(2), "types the whole secret again");
            Assert.That(rig.Logs.AllText(), Does.Contain("read 2 characters").And.Not.Match(SecretWord()));
            Assert.That(hil.SecretMayBeOnScreen, Is.True, "backspaces inside the verification do not close the window");
        });
    }

    [Test]
    public async Task A_secret_verified_in_a_field_that_shows_it_in_clear_is_refused()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("login"));
        rig.Input.Field = new System.Drawing.Rectangle(100, 100, 300, 16);
        rig.Input.DropOnce.Add('i');

        var error = Assert.ThrowsAsync<ArgumentException>(() => hil.Keyboard.TypeSecretAsync(
            "hil", new TypeOptions { VerifyIn = hil.Screen.Region(90, 90, 400, 40) }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("compares masked characters only").And.Not.Match(SecretWord()));
            Assert.That(rig.Steps.AllText(), Does.Not.Contain("hl"));
            Assert.That(rig.Steps.Finished.SelectMany(f => f.Attachments).Where(a => a.MediaType == "image/png"), Is.Empty);
        });
    }
}
