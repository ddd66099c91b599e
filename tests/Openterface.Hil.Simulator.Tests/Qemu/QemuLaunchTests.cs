namespace Openterface.Hil.Simulator.Tests.Qemu;

public class QemuLaunchTests
{
    [Test]
    public void The_command_line_is_a_usb_pc_with_two_qmp_sockets_and_a_serial_log()
    {
        var launch = new QemuLaunch("qemu-system-x86_64", "/images/hil-target.iso", QemuAccelerator.Tcg, 256, "/tmp/w");

        var line = string.Join(' ', launch.Arguments);

        Assert.Multiple(() =>
        {
            Assert.That(line, Does.Contain("-accel tcg").And.Contain("-m 256").And.Contain("-vga std").And.Contain("-display none"));
            Assert.That(line, Does.Contain("-device qemu-xhci,id=xhci").And.Contain("usb-kbd").And.Contain("usb-tablet"));
            Assert.That(line, Does.Contain("-qmp unix:/tmp/w/qmp.sock,server=on,wait=off"));
            Assert.That(line, Does.Contain("-qmp unix:/tmp/w/qmp-spare.sock,server=on,wait=off"));
            Assert.That(line, Does.Contain("path=/tmp/w/ttyS0.log"));
            Assert.That(line, Does.Contain("-no-shutdown").And.Not.Contain("-no-reboot").And.Not.Contain("-incoming"));
        });
    }

    [Test]
    public void The_rigs_console_is_a_pipe_chardev_on_fifos_in_the_work_folder()
    {
        var launch = new QemuLaunch("qemu-system-x86_64", "/i.iso", QemuAccelerator.Tcg, 256, "/tmp/a,b") { SerialPipePath = "/tmp/a,b/ttyS0" };

        var line = string.Join(' ', launch.Arguments);

        Assert.Multiple(() =>
        {
            Assert.That(line, Does.Contain("-chardev pipe,id=hil-ttyS0,path=/tmp/a,,b/ttyS0 -serial chardev:hil-ttyS0"));
            Assert.That(line, Does.Not.Contain("ttyS0.log").And.Not.Contain("socket,"));
            Assert.That(line, Does.Contain("/tmp/a,,b/qmp.sock"), "the orphan watchdog finds QEMU by this socket");
        });
    }

    [Test]
    public void A_saved_state_start_adds_an_incoming_migration_and_keeps_the_machine_identical()
    {
        var cold = new QemuLaunch("qemu-system-x86_64", "/i.iso", QemuAccelerator.Kvm, 256, "/tmp/w");
        var restored = cold with { IncomingStatePath = "/states/login.state", WorkDirectory = "/tmp/other" };

        Assert.Multiple(() =>
        {
            Assert.That(restored.Arguments, Does.Contain("exec:cat '/states/login.state'"), "a plain path is single-quoted");
            Assert.That(restored.MachineArguments, Is.EqualTo(cold.MachineArguments));
            Assert.That(cold.MachineArguments, Does.Contain("kvm"));
        });
    }

    // Issue 14, finding 7: the state path went into "exec:cat '{path}'" unescaped, so a quote ended the word and
    // the rest ran as shell; and a comma in a socket or log path added QEMU options.
    [TestCase("/states/it's.state")]
    [TestCase("/states/x'; touch /tmp/hil-pwned-$$; echo '")]
    [TestCase("/states/$(id)`id` \"quoted\" \\ back.state")]
    public async Task A_state_path_with_shell_characters_reaches_cat_as_one_literal_argument(string path)
    {
        var launch = new QemuLaunch("qemu-system-x86_64", "/i.iso", QemuAccelerator.Tcg, 256, "/tmp/w") { IncomingStatePath = path };
        var uri = launch.Arguments[^1];
        Assert.That(uri, Does.StartWith("exec:cat "));

        // QEMU runs the rest of an exec: URI with /bin/sh -c; printf shows what cat would have received.
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("printf '%s|' " + uri["exec:cat ".Length..]);
        using var shell = System.Diagnostics.Process.Start(start)!;
        var output = await shell.StandardOutput.ReadToEndAsync();
        await shell.WaitForExitAsync();

        Assert.That(output, Is.EqualTo(path + "|"), "exactly one argument, byte for byte");
    }

    [Test]
    public void Commas_in_socket_log_and_image_paths_are_doubled_so_they_cannot_add_options()
    {
        var launch = new QemuLaunch("qemu-system-x86_64", "/img,readonly=off.iso", QemuAccelerator.Tcg, 256, "/tmp/a,server=off");

        var line = string.Join(' ', launch.Arguments);

        Assert.Multiple(() =>
        {
            Assert.That(line, Does.Contain("-qmp unix:/tmp/a,,server=off/qmp.sock,server=on,wait=off"));
            Assert.That(line, Does.Contain("path=/tmp/a,,server=off/ttyS0.log,append=on"));
            Assert.That(line, Does.Contain("file=/img,,readonly=off.iso"));
        });
    }
}
