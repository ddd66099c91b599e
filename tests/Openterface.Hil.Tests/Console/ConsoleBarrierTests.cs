using System.Text;

namespace Openterface.Hil.Tests.Console;

/// <summary>The operator console on a virtual rig: barriers, failures, faults, secrets.</summary>
[TestFixture]
public sealed class ConsoleBarrierTests
{
    private static readonly ExpectOptions Short = new() { Timeout = TimeSpan.FromSeconds(1) };

    [Test]
    public async Task A_console_wait_after_an_action_never_matches_output_from_before_it()
    {
        await using var rig = await ConsoleSessionRig.StartAsync();
        var hil = rig.Session;
        var post = hil.Console.Text("POST complete");

        await hil.Power.OnAsync();
        await hil.Expect(post).ToBeVisibleAsync();
        await hil.Keyboard.PressAsync("f2");
        var afterKey = Assert.ThrowsAsync<ExpectationFailedException>(() => hil.Expect(post).ToBeVisibleAsync(Short));
        await hil.Expect(post).Not.ToBeVisibleAsync();
        await hil.Console.WriteLineAsync("ignored by the firmware");
        var afterWrite = Assert.ThrowsAsync<ExpectationFailedException>(() => hil.Expect(post).ToBeVisibleAsync(Short));
        await hil.Power.ResetAsync();
        var match = await hil.Console.WaitForAsync(post);

        Assert.Multiple(() =>
        {
            Assert.That(afterKey!.Message, Does.Contain("not seen within 1s").And.Contain("Press 'f2'"));
            Assert.That(afterWrite!.Message, Does.Contain("Console: write line"));
            Assert.That(match.Text, Is.EqualTo("POST complete"));
            Assert.That(hil.Console.OutputSince(hil.Console.Barrier), Does.StartWith("HIL Firmware BIOS"));
            Assert.That(hil.Console.Output.Split("POST complete"), Has.Length.EqualTo(3), "two POST logs in the session");
        });
    }

    [Test]
    public async Task A_failed_console_wait_attaches_the_last_lines_and_the_call_log()
    {
        await using var rig = await ConsoleSessionRig.StartAsync();
        var hil = rig.Session;
        await hil.Power.OnAsync();

        var failure = Assert.ThrowsAsync<ExpectationFailedException>(() => hil.Expect(hil.Console.Text("Kernel panic")).ToBeVisibleAsync(Short));
        var attachments = failure!.Attachments.ToDictionary(a => a.Name, a => Encoding.UTF8.GetString(a.Content.Span));

        Assert.Multiple(() =>
        {
            Assert.That(failure.Message, Does.Contain($"Console: {rig.Rig.ConsoleUri}").And.Contain("Call log:"));
            Assert.That(attachments["Console (last 200 lines)"], Does.Contain("NVRAM: boot mode UEFI"));
            Assert.That(attachments["Call log"], Does.Contain("waiting for console text 'Kernel panic'").And.Contain("Power on"));
            Assert.That(rig.Steps.Attachments.Select(a => a.Name), Does.Contain("Console (last 200 lines)"));
        });
    }

    [Test]
    public async Task Unplugging_the_console_mid_wait_is_a_rig_fault_naming_it_and_a_replug_resumes()
    {
        await using var rig = await ConsoleSessionRig.StartAsync();
        var hil = rig.Session;
        var uri = rig.Rig.ConsoleUri!;

        var fault = Assert.ThrowsAsync<RigFaultException>(async () =>
        {
            var wait = hil.Expect(hil.Console.Text("never printed")).ToBeVisibleAsync(new() { Timeout = TimeSpan.FromSeconds(60) });
            rig.Rig.Console!.Unplug();
            await wait;
        });
        rig.Rig.Console!.Replug();
        for (var i = 0; i < 1500 && !rig.Rig.Console.HarnessConnected; i++)
        {
            await Task.Delay(10);
        }

        await hil.Power.OnAsync();
        await hil.Expect(hil.Console.Text("POST complete")).ToBeVisibleAsync();

        Assert.Multiple(() =>
        {
            Assert.That(fault!.Message, Does.Contain($"'{uri}'").And.Contain("vanished"));
            Assert.That(fault.Evidence["console"], Is.EqualTo(uri));
            Assert.That(fault.Evidence["console events"], Does.Contain("console lost"));
        });
    }

    [Test]
    public async Task A_secret_written_on_the_console_is_masked_in_steps_and_transcript()
    {
        await using var rig = await ConsoleSessionRig.StartAsync();
        var hil = rig.Session;
        const string Password = "console-secret-4711";

        await hil.Console.WriteSecretAsync(Password);
        await hil.Power.OnAsync();
        await hil.Expect(hil.Console.Text("POST complete")).ToBeVisibleAsync();

        Assert.Multiple(() =>
        {
            Assert.That(rig.Steps.Names, Has.Some.Contains("Console: write secret"));
            Assert.That(string.Join('\n', rig.Steps.Names), Does.Not.Contain(Password));
            Assert.That(hil.Secrets.Redact("typed " + Password), Is.EqualTo("typed ***"));
            Assert.That(hil.Console.Transcript, Has.Some.Match(@"^\d\d:\d\d:\d\d\.\d{3} POST complete"));
        });
    }

    [Test]
    public async Task Without_a_console_the_api_says_how_to_configure_one()
    {
        await using var rig = await Simulator.VirtualRig.StartAsync(new Simulator.VirtualRigOptions { Target = "console", PowerOnAtStart = false });
        await using var hil = await HilSession.ConnectAsync(new HilOptions { Serial = rig.SerialUri, Video = rig.VideoUri });

        var error = Assert.Throws<InvalidOperationException>(() => hil.Console.Text("x").ToString().Equals(hil.Console.Output, StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(hil.Console.IsAvailable, Is.False);
            Assert.That(error!.Message, Does.Contain("HIL_CONSOLE"));
        });
    }
}
