namespace Openterface.Hil.Simulator.Tests.VirtualConsole;

public sealed class LoginAndShellTests
{
    [Test]
    public async Task Root_logs_in_to_a_shell_and_the_password_is_not_echoed()
    {
        await using var rig = new ConsoleRig();
        rig.FinishPost();

        rig.TypeLine("root");
        rig.Type("hil");
        var typingPassword = rig.Text;
        rig.Press(Keys.Enter);

        Assert.Multiple(() =>
        {
            Assert.That(typingPassword, Does.Contain("hil-target login: root\nPassword: _").And.Not.Contain("Password: hil"));
            Assert.That(rig.Screen, Is.EqualTo("shell"));
            Assert.That(rig.Text, Does.EndWith("root@hil-target:~# _"));
        });
    }

    [Test]
    public async Task Wrong_password_says_login_incorrect_and_prompts_again()
    {
        await using var rig = new ConsoleRig();
        rig.FinishPost();

        rig.TypeLine("root");
        rig.TypeLine("nope");

        Assert.Multiple(() =>
        {
            Assert.That(rig.Screen, Is.EqualTo("login"));
            Assert.That(rig.Text, Does.Contain("Login incorrect"));
            Assert.That(rig.Text, Does.EndWith("hil-target login: _"));
        });
    }

    [Test]
    public async Task Uname_echo_and_os_release_print_fixed_text()
    {
        await using var rig = new ConsoleRig();
        rig.BootToShell();

        rig.TypeLine("uname -a");
        rig.TypeLine("echo \"hello HIL\"");
        rig.TypeLine("cat /etc/os-release");

        Assert.Multiple(() =>
        {
            Assert.That(rig.Text, Does.Contain("root@hil-target:~# uname -a\nLinux hil-target 6.1.0-hil #1 SMP"));
            Assert.That(rig.Text, Does.Contain("x86_64 GNU/Linux"));
            Assert.That(rig.Text, Does.Contain("echo \"hello HIL\"\nhello HIL\n"));
            Assert.That(rig.Text, Does.Contain("PRETTY_NAME=\"HIL Linux 1.0\""));
        });
    }

    [Test]
    public async Task Unknown_commands_and_files_give_bash_style_errors()
    {
        await using var rig = new ConsoleRig();
        rig.BootToShell();

        rig.TypeLine("frobnicate");
        rig.TypeLine("cat /etc/shadow");

        Assert.Multiple(() =>
        {
            Assert.That(rig.Text, Does.Contain("-bash: frobnicate: command not found"));
            Assert.That(rig.Text, Does.Contain("cat: /etc/shadow: No such file or directory"));
        });
    }

    [Test]
    public async Task Clear_empties_the_screen_but_the_prompt()
    {
        await using var rig = new ConsoleRig();
        rig.BootToShell();
        rig.TypeLine("uname -a");

        rig.TypeLine("clear");

        Assert.That(rig.Text.Trim(), Is.EqualTo("root@hil-target:~# _"));
    }

    [Test]
    public async Task Backspace_edits_and_ctrl_c_abandons_the_line()
    {
        await using var rig = new ConsoleRig();
        rig.BootToShell();

        rig.Type("echo abx");
        rig.Press(Keys.Backspace);
        rig.TypeLine("c");
        rig.Type("uname");
        rig.PressWith(0x01, Keys.C);

        Assert.Multiple(() =>
        {
            Assert.That(rig.Text, Does.Contain("echo abc\nabc\n"));
            Assert.That(rig.Text, Does.Contain("root@hil-target:~# uname^C\nroot@hil-target:~# _"));
        });
    }

    [Test]
    public async Task Reboot_and_poweroff_leave_the_shell()
    {
        await using var rig = new ConsoleRig();
        rig.BootToShell();

        rig.TypeLine("reboot");
        var afterReboot = rig.Screen;
        rig.BootToShell();
        rig.TypeLine("poweroff");

        Assert.That((afterReboot, rig.Screen, rig.Target.PoweredOn), Is.EqualTo(("post", "off", false)));
    }

    [Test]
    public async Task Exit_returns_to_the_login_prompt()
    {
        await using var rig = new ConsoleRig();
        rig.BootToShell();

        rig.TypeLine("exit");

        Assert.That((rig.Screen, rig.Text.TrimEnd()), Is.EqualTo(("login", "HIL Linux 1.0 hil-target tty1\n\nhil-target login: _")));
    }

    [Test]
    public async Task Kernel_lines_and_mokutil_reflect_the_saved_firmware_settings()
    {
        await using var rig = new ConsoleRig();
        rig.Press(Keys.F2);
        rig.Press(Keys.Left, Keys.Left);
        rig.Press(Keys.Enter);
        rig.Press(Keys.F10);
        rig.Press(Keys.Enter);

        rig.BootToShell();
        rig.TypeLine("mokutil --sb-state");

        Assert.Multiple(() =>
        {
            Assert.That(rig.Text, Does.Contain("secureboot: Secure boot disabled"));
            Assert.That(rig.Text, Does.Contain("mokutil --sb-state\nSecureBoot disabled"));
        });
    }

    [Test]
    public async Task Shift_and_caps_lock_change_what_is_typed()
    {
        await using var rig = new ConsoleRig();
        rig.BootToShell();

        rig.Type("echo A!");
        rig.Press(Keys.CapsLock);
        rig.Type("ab");
        rig.Press(Keys.CapsLock);
        rig.Type("c");

        Assert.That(rig.Text, Does.EndWith("root@hil-target:~# echo A!ABc_"));
    }

    [Test]
    public async Task Long_output_scrolls_the_console()
    {
        await using var rig = new ConsoleRig();
        rig.BootToShell();

        for (var i = 0; i < 30; i++)
        {
            rig.TypeLine("echo line" + i);
        }

        var lines = rig.Text.Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.EqualTo(25));
            Assert.That(lines[^1], Is.EqualTo("root@hil-target:~# _"));
            Assert.That(lines[^2], Is.EqualTo("line29"));
        });
    }
}
