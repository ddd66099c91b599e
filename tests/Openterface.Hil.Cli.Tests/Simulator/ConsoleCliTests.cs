using System.Text.Json;
using Openterface.Hil.Cli.Tests.Reporting;

namespace Openterface.Hil.Cli.Tests.Simulator;

/// <summary>
/// Issue 12: the target's serial console from the command line, as a user drives it from a second terminal while
/// `hil sim --target qemu` runs: wait for the login prompt, log in, run a command and read its output back.
/// </summary>
[TestFixture]
public sealed class ConsoleCliTests
{
    [Test]
    public async Task Hil_console_waits_for_the_login_logs_in_and_reads_a_commands_output()
    {
        SimProcess.RequireQemu();
        using var sim = await SimProcess.StartAsync(null, "--target", "qemu");
        var console = sim.Uri("console");

        // A power cycle through the simulator's spare QMP socket, as a relay script would do on a real rig. GRUB's menu
        // (mirrored on ttyS0, no timeout) takes Enter from the serial line, but an Enter sent while the firmware still
        // runs is lost; so, as a person at a terminal would, press Enter every 15 s until the login prompt answers
        // (at the prompt, Enter makes getty print it again).
        var power = await HilProcess.RunAsync(new Dictionary<string, string?>(), AppContext.BaseDirectory, TimeSpan.FromSeconds(120),
            ["power", "cycle", "--power", "qmp://" + sim.Uri("qmp"), "--off-time", "1"]);
        Assert.That(power.ExitCode, Is.Zero, power.Stderr);
        var login = await ConsoleAsync(console, "--send", @"\n", "--expect", "hil-target login:", "--timeout", "15");
        for (var attempt = 1; login.ExitCode != 0 && attempt < 16; attempt++)
        {
            login = await ConsoleAsync(console, "--send", @"\n", "--expect", "hil-target login:", "--timeout", "15");
        }

        var root = await ConsoleAsync(console, "--send", @"root\n", "--expect", "Password:", "--timeout", "60");
        var shell = await ConsoleAsync(console, "--send", @"hil\n", "--expect", @"root@hil-target:~#", "--timeout", "60");
        var uname = await ConsoleAsync(console, "--send", @"uname -s\n", "--expect", @"(?m)^Linux\s*$", "--timeout", "60", "--json");

        Assert.Multiple(() =>
        {
            Assert.That(login.ExitCode, Is.Zero, login.Stderr);
            Assert.That(root.ExitCode, Is.Zero, root.Stderr);
            Assert.That(shell.ExitCode, Is.Zero, shell.Stderr);
            Assert.That(uname.ExitCode, Is.Zero, uname.Stderr);
        });
        using var json = JsonDocument.Parse(uname.Stdout);
        Assert.That(json.RootElement.ToString(), Does.Contain("Linux"), uname.Stdout);
    }

    [Test]
    public async Task Hil_console_names_the_uri_and_exits_non_zero_when_the_text_never_comes()
    {
        using var sim = await SimProcess.StartAsync(null, "--target", "console");
        var console = sim.Uri("console");

        var (exitCode, _, stderr) = await ConsoleAsync(console, "--expect", "this text never appears", "--timeout", "2");

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Not.Zero);
            Assert.That(stderr, Does.Contain("this text never appears"));
        });
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> ConsoleAsync(string uri, params string[] arguments) =>
        HilProcess.RunAsync(new Dictionary<string, string?>(), AppContext.BaseDirectory, TimeSpan.FromSeconds(300), ["console", "--console", uri, .. arguments]);
}
