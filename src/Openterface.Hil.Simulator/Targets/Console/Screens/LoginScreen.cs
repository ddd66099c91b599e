using Openterface.Hil.Imaging.Fonts;

namespace Openterface.Hil.Simulator;

/// <summary>
/// The OS after booting the internal disk: kernel lines that reflect the firmware settings, then
/// "hil-target login:" and "Password:" (not echoed). The configured user logs in to <see cref="ShellScreen"/>;
/// anything else gets "Login incorrect".
/// </summary>
internal sealed class LoginScreen(ConsoleMachine machine, Terminal terminal) : IConsoleScreen
{
    private const string LoginPrompt = ConsoleMachine.Hostname + " login: ";
    private string? _user;

    public string Name => "login";

    /// <summary>Boots the OS: prints the kernel's firmware lines and the login banner.</summary>
    public static LoginScreen Boot(ConsoleMachine machine)
    {
        var settings = machine.Settings;
        var terminal = new Terminal();
        if (settings.Uefi)
        {
            terminal.WriteLine("[    0.000000] efi: EFI v2.70 by HIL Firmware");
            terminal.WriteLine("[    0.000000] secureboot: Secure boot " + (settings.SecureBoot ? "enabled" : "disabled"));
        }
        else
        {
            terminal.WriteLine("[    0.000000] BIOS-provided physical RAM map (legacy boot)");
        }

        terminal.WriteLine("[    0.412345] kvm: " + (settings.Virtualization ? "VMX enabled" : "disabled by bios"));
        terminal.WriteLine("[    1.203456] EXT4-fs (sda2): mounted filesystem with ordered data mode");
        terminal.WriteLine();
        return Getty(machine, terminal);
    }

    /// <summary>The getty banner and the login prompt (after boot and after logout).</summary>
    public static LoginScreen Getty(ConsoleMachine machine, Terminal terminal)
    {
        terminal.WriteLine("HIL Linux 1.0 " + ConsoleMachine.Hostname + " tty1");
        terminal.WriteLine();
        terminal.Write(LoginPrompt);
        return new LoginScreen(machine, terminal);
    }

    public void HandleKey(KeyPress key)
    {
        var line = terminal.Edit(key);
        if (line is null)
        {
            return;
        }

        if (line == "\u0003")
        {
            _user = null;
            terminal.Echo = true;
            terminal.Write(LoginPrompt);
            return;
        }

        if (_user is null)
        {
            _user = line;
            terminal.Echo = false;
            terminal.Write("Password: ");
            return;
        }

        var ok = _user == machine.Options.Username && line == machine.Options.Password;
        terminal.Echo = true;
        if (ok)
        {
            terminal.WriteLine("Linux " + ConsoleMachine.Hostname + " " + ShellScreen.KernelRelease + " x86_64");
            terminal.WriteLine();
            machine.Show(ShellScreen.Start(machine, terminal, _user));
            return;
        }

        _user = null;
        terminal.WriteLine();
        terminal.WriteLine("Login incorrect");
        terminal.Write(LoginPrompt);
    }

    public void Tick()
    {
    }

    public void Draw(TextGrid grid) => terminal.Draw(grid, machine.CursorVisible);
}
