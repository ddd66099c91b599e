using System.Text;
using Openterface.Hil.Simulator.Tests.VirtualConsole;

namespace Openterface.Hil.Simulator.Tests.Uart;

[TestFixture]
public sealed class ConsoleTargetUartTests
{
    [Test]
    public async Task Power_on_prints_the_post_log_with_the_settings_read_from_nvram()
    {
        await using var rig = new ConsoleRig(new ConsoleTargetOptions { BlinkingCursor = false, StartPoweredOn = false });
        var uart = Capture(rig.Target);

        await rig.Target.PowerAsync(VirtualPowerAction.On);

        Assert.Multiple(() =>
        {
            Assert.That(uart.ToString(), Does.StartWith("\u001b[1mHIL Firmware BIOS v2.14.1021\u001b[0m\r\n"));
            Assert.That(uart.ToString(), Does.Contain("NVRAM: boot mode UEFI\r\n").And.Contain("NVRAM: secure boot Enabled\r\n"));
            Assert.That(uart.ToString(), Does.EndWith("POST complete; press DEL or F2 for setup, F12 for the boot menu\r\n"));
        });
    }

    [Test]
    public async Task A_setting_saved_in_setup_is_read_back_in_the_next_post_log()
    {
        await using var rig = new ConsoleRig(new ConsoleTargetOptions { BlinkingCursor = false, StartPoweredOn = false });
        await rig.Target.PowerAsync(VirtualPowerAction.On);
        rig.Press(Keys.F2);
        rig.Press(Keys.Right, Keys.Right);
        rig.Press(Keys.Enter);
        var uart = Capture(rig.Target);

        rig.Press(Keys.F10);
        rig.Press(Keys.Enter);

        Assert.That(uart.ToString(), Does.Contain("NVRAM: boot mode Legacy\r\n").And.Not.Contain("boot mode UEFI"));
    }

    [Test]
    public async Task Power_off_prints_nothing_and_input_is_accepted()
    {
        await using var rig = new ConsoleRig(new ConsoleTargetOptions { BlinkingCursor = false });
        Assert.That(rig.Screen, Is.EqualTo("post"), "powered on at creation (its POST log went out before anyone listened)");
        var uart = Capture(rig.Target);

        await rig.Target.PowerAsync(VirtualPowerAction.Off);
        await rig.Target.WriteUartAsync("root\r"u8.ToArray());

        Assert.That(uart.ToString(), Is.Empty);
    }

    private static StringBuilder Capture(ConsoleTarget target)
    {
        var text = new StringBuilder();
        target.UartOutput += (_, data) =>
        {
            lock (text)
            {
                text.Append(Encoding.UTF8.GetString(data.Span));
            }
        };
        return text;
    }
}
