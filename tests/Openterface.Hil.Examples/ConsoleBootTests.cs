using System.Text.RegularExpressions;
using Openterface.Hil.NUnit;

namespace Openterface.Hil.Examples;

/// <summary>
/// Manual test plan "CONSOLE-01/02": the QEMU target's serial console (ttyS0, wired to the rig like a USB-UART).
/// The first test never looks at the screen: power cycle, pick GRUB's default entry over the serial line, wait for
/// the kernel, log in on the console and run a command. The second correlates both: the screen shows GRUB's choice
/// while the console shows the kernel booting with that choice.
/// </summary>
[TestFixture]
[Feature("Serial console")]
[SimulatorTarget("qemu")]
public sealed class ConsoleBootTests : HilTest
{
    private static readonly ExpectOptions Boot = new() { Timeout = TimeSpan.FromSeconds(120) };

    private TargetConsole Serial => Session.Console;

    [Test]
    [Story("Console-only boot and login")]
    [Severity(AllureSeverity.Critical)]
    public async Task Boots_and_logs_in_on_the_serial_console_without_looking_at_the_screen()
    {
        await Power.CycleAsync();

        // GRUB reads the serial line too (terminal_input console serial): Enter picks the default, "Normal boot".
        await Serial.WriteLineAsync();
        await Expect(Serial.Text("Linux version")).ToBeVisibleAsync(Boot);
        await Expect(Serial.Text("hil-target login:")).ToBeVisibleAsync(Boot);

        await Serial.WriteLineAsync("root");
        await Expect(Serial.Text("Password:")).ToBeVisibleAsync();
        await Serial.WriteSecretAsync("hil");
        await Expect(Serial.Text("root@hil-target:~#")).ToBeVisibleAsync();

        await Serial.WriteLineAsync("uname -s; echo answer-$((6*7))");
        await Expect(Serial.Text("answer-42")).ToBeVisibleAsync();
        var output = Serial.OutputSince(Serial.Barrier);
        Assert.That(output, Does.Match(@"(?m)^Linux$"), $"uname -s printed something else: '{output}'");
    }

    [Test]
    [Story("Screen and console agree")]
    [Severity(AllureSeverity.Normal)]
    public async Task Console_shows_the_kernel_booting_the_entry_grub_shows_as_chosen()
    {
        await Power.CycleAsync();
        await Expect(Screen.Text("Normal boot")).ToBeVisibleAsync(Boot);
        await Keyboard.PressUntilAsync("down", Screen.Text(new Regex(@"\*\s*Recovery mode")), maxPresses: 4);
        await Keyboard.PressAsync("enter");

        var commandLine = await Serial.WaitForAsync(Serial.Text(new Regex(@"Kernel command line:[^\n]*hil\.mode=recovery")), Boot);
        await Expect(Serial.Text("Linux version")).ToBeVisibleAsync();
        await Expect(Serial.Text("hil.mode=normal")).Not.ToBeVisibleAsync();
        await Expect(Screen.Text("login:")).ToBeVisibleAsync(Boot);
        await Expect(Serial.Text("RECOVERY MODE")).ToBeVisibleAsync(Boot);

        Assert.That(commandLine.Text, Does.Contain("console=ttyS0,115200"));
    }
}
