using System.Globalization;
using Openterface.Hil.Imaging.Fonts;

namespace Openterface.Hil.Simulator;

/// <summary>
/// A logged-in shell with a handful of commands: uname, echo, cat /etc/os-release, date, whoami, hostname,
/// mokutil --sb-state (reports the firmware's Secure Boot setting), clear, exit/logout, poweroff, reboot.
/// </summary>
internal sealed class ShellScreen(ConsoleMachine machine, Terminal terminal, string user) : IConsoleScreen
{
    public const string KernelRelease = "6.1.0-hil";

    public const string UnameAll =
        "Linux " + ConsoleMachine.Hostname + " " + KernelRelease + " #1 SMP Tue Apr 13 09:00:00 UTC 2021 x86_64 GNU/Linux";

    private static readonly string[] OsRelease =
    [
        "PRETTY_NAME=\"HIL Linux 1.0\"",
        "NAME=\"HIL Linux\"",
        "VERSION_ID=\"1.0\"",
        "VERSION=\"1.0 (bench)\"",
        "ID=hil",
        "HOME_URL=\"https://openterface.com/\"",
    ];

    public string Name => "shell";

    private string Prompt => PromptFor(user);

    /// <summary>Starts the shell: shows its first prompt.</summary>
    public static ShellScreen Start(ConsoleMachine machine, Terminal terminal, string user)
    {
        terminal.Write(PromptFor(user));
        return new ShellScreen(machine, terminal, user);
    }

    public void HandleKey(KeyPress key)
    {
        if (key.Ctrl && key.Usage == HidKeys.A + ('l' - 'a'))
        {
            terminal.Clear();
            terminal.Write(Prompt);
            return;
        }

        var line = terminal.Edit(key);
        if (line is null)
        {
            return;
        }

        if (line != "\u0003" && !Run(line.Trim()))
        {
            return;
        }

        terminal.Write(Prompt);
    }

    public void Tick()
    {
    }

    public void Draw(TextGrid grid) => terminal.Draw(grid, machine.CursorVisible);

    /// <summary>Runs a command; false when it left the shell (the prompt must not come back).</summary>
    private bool Run(string command)
    {
        var parts = command.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        var name = parts.Length > 0 ? parts[0] : string.Empty;
        var arguments = parts.Length > 1 ? parts[1].Trim() : string.Empty;
        switch (name)
        {
            case "":
                return true;
            case "uname":
                terminal.WriteLine(arguments switch { "-a" => UnameAll, "-r" => KernelRelease, "-n" => ConsoleMachine.Hostname, _ => "Linux" });
                return true;
            case "echo":
                terminal.WriteLine(arguments.Replace("\"", string.Empty, StringComparison.Ordinal).Replace("'", string.Empty, StringComparison.Ordinal));
                return true;
            case "cat":
                Cat(arguments);
                return true;
            case "date":
                var date = machine.Settings.SystemDate.ToString("ddd MMM dd", CultureInfo.InvariantCulture);
                var time = machine.ClockTime.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
                terminal.WriteLine($"{date} {time} UTC {machine.Settings.SystemDate.Year}");
                return true;
            case "whoami":
                terminal.WriteLine(user);
                return true;
            case "hostname":
                terminal.WriteLine(ConsoleMachine.Hostname);
                return true;
            case "mokutil" when arguments == "--sb-state":
                terminal.WriteLine(machine.Settings.Uefi
                    ? "SecureBoot " + (machine.Settings.SecureBoot ? "enabled" : "disabled")
                    : "EFI variables are not supported on this system");
                return true;
            case "clear":
                terminal.Clear();
                return true;
            case "exit" or "logout":
                terminal.Clear();
                machine.Show(LoginScreen.Getty(machine, terminal));
                return false;
            case "poweroff":
                machine.PowerOff();
                return false;
            case "reboot":
                machine.Reset();
                return false;
            default:
                terminal.WriteLine($"-bash: {name}: command not found");
                return true;
        }
    }

    private void Cat(string path)
    {
        if (path == "/etc/os-release")
        {
            foreach (var line in OsRelease)
            {
                terminal.WriteLine(line);
            }
        }
        else if (path.Length == 0)
        {
            terminal.WriteLine("cat: missing file operand (this shell has no stdin)");
        }
        else
        {
            terminal.WriteLine($"cat: {path}: No such file or directory");
        }
    }

    private static string PromptFor(string user) => $"{user}@{ConsoleMachine.Hostname}:~{(user == "root" ? "#" : "$")} ";
}
