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
    public void A_saved_state_start_adds_an_incoming_migration_and_keeps_the_machine_identical()
    {
        var cold = new QemuLaunch("qemu-system-x86_64", "/i.iso", QemuAccelerator.Kvm, 256, "/tmp/w");
        var restored = cold with { IncomingStatePath = "/states/login.state", WorkDirectory = "/tmp/other" };

        Assert.Multiple(() =>
        {
            Assert.That(restored.Arguments, Does.Contain("exec:cat '/states/login.state'"));
            Assert.That(restored.MachineArguments, Is.EqualTo(cold.MachineArguments));
            Assert.That(cold.MachineArguments, Does.Contain("kvm"));
        });
    }
}
