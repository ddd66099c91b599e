using Openterface.Hil.Tests.Fakes;

namespace Openterface.Hil.Tests.Operator;

public sealed class SecretTests
{
    private const string Secret = "hunter2-Sup3r";

    [Test]
    public async Task A_typed_secret_appears_in_no_log_no_step_and_no_failure_message()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session(o => o with { SensitiveLogging = true });
        rig.Video.Show(new Scene("login").WithText("Password:"));
        rig.Input.Field = new System.Drawing.Rectangle(100, 100, 300, 16);

        await hil.Keyboard.TypeSecretAsync(Secret);

        // The target echoes the secret in clear (a badly written prompt): the failure quotes what OCR read.
        var failure = Assert.ThrowsAsync<ExpectationFailedException>(() => hil.Expect(hil.Screen.Text("Welcome"))
            .ToBeVisibleAsync(new ExpectOptions { Timeout = TimeSpan.FromSeconds(1) }));

        Assert.Multiple(() =>
        {
            Assert.That(rig.Input.Actions, Does.Contain($"type {Secret} [secret]"), "the device still gets the secret");
            Assert.That(failure!.Message, Does.Contain("Seen: '***'"));
            Assert.That(failure.Message, Does.Not.Contain(Secret));
            Assert.That(string.Join('\n', failure.CallLog), Does.Not.Contain(Secret));
            Assert.That(rig.Logs.AllText(), Does.Not.Contain(Secret));
            Assert.That(rig.Logs.AllText(), Does.Contain("Type secret"));
            Assert.That(rig.Steps.AllText(), Does.Not.Contain(Secret));
            Assert.That(rig.Steps.Started[0].Parameters["text"], Is.EqualTo("***"));
            Assert.That(rig.Steps.Started[0].Name, Is.EqualTo("Type secret"));
            Assert.That(hil.Secrets.Redact($"echo {Secret}!"), Is.EqualTo("echo ***!"));
        });
    }

    [Test]
    public async Task A_secret_verified_by_read_back_fails_with_lengths_only()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session(o => o with { SensitiveLogging = true });
        rig.Video.Show(new Scene("login"));
        rig.Input.Field = new System.Drawing.Rectangle(100, 100, 300, 16);
        rig.Input.MaskEcho = true;
        rig.Input.DropOnce.Add('3');

        var failure = Assert.ThrowsAsync<ExpectationFailedException>(() => hil.Keyboard.TypeSecretAsync(
            Secret, new TypeOptions { VerifyIn = hil.Screen.Region(90, 90, 400, 40), MaxCorrections = 0 }));

        Assert.Multiple(() =>
        {
            Assert.That(failure!.Message, Does.StartWith(
                """
                Keyboard.TypeSecretAsync(***, VerifyIn = Region(90,90,400,40)) failed
                Expected: *** (secret, 13 characters)
                Seen: *** (read 12 characters)
                """));
            Assert.That(failure.Message, Does.Not.Contain("hunter"));
            Assert.That(rig.Logs.AllText(), Does.Not.Contain("hunter"));
            Assert.That(rig.Steps.AllText(), Does.Not.Contain("hunter"));
        });
    }

    [Test]
    public async Task Plain_typed_text_is_logged_only_with_sensitive_logging()
    {
        await using var quietRig = new FakeRig();
        await using (var quiet = quietRig.Session())
        {
            await quiet.Keyboard.TypeAsync("my-username");
        }

        await using var loudRig = new FakeRig();
        await using (var loud = loudRig.Session(o => o with { SensitiveLogging = true }))
        {
            await loud.Keyboard.TypeAsync("my-username");
        }

        Assert.Multiple(() =>
        {
            Assert.That(quietRig.Logs.AllText(), Does.Not.Contain("my-username"));
            Assert.That(quietRig.Logs.AllText(), Does.Contain("Type 11 characters"));
            Assert.That(quietRig.Steps.AllText(), Does.Contain("my-username"), "reports show typed text; only logs redact it");
            Assert.That(loudRig.Logs.AllText(), Does.Contain("Type 'my-username'"));
            Assert.That(quietRig.Logs.Lines.Select(l => l.Category).Distinct(), Is.EqualTo(new[] { "Openterface.Hil.Operator" }));
        });
    }
}
