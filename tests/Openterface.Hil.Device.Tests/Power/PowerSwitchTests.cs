namespace Openterface.Hil.Device.Tests;

[TestFixture]
public sealed class PowerSwitchTests
{
    [Test]
    public void No_power_switch_says_none_is_configured_and_how_to_configure_one()
    {
        var error = Assert.ThrowsAsync<DeviceException>(() => NoPowerSwitch.Instance.PowerOnAsync(CancellationToken.None))!;
        Assert.That(error.Message, Does.Contain("no power switch is configured").And.Contain("hil.json"));
    }

    [Test]
    public async Task Shell_power_switch_runs_the_configured_commands()
    {
        var log = Path.Combine(Path.GetTempPath(), $"hil-power-{Guid.NewGuid():N}.log");
        try
        {
            var power = new ShellCommandPowerSwitch($"echo on >> {log}", $"echo off >> {log}", timeProvider: TimeProvider.System) { OffTime = TimeSpan.FromMilliseconds(1) };

            await power.PowerOnAsync(CancellationToken.None);
            await power.ResetAsync(CancellationToken.None);

            Assert.That(await File.ReadAllLinesAsync(log), Is.EqualTo(new[] { "on", "off", "on" }));
        }
        finally
        {
            File.Delete(log);
        }
    }

    [Test]
    public void Failing_power_command_reports_its_exit_code_and_stderr()
    {
        var power = new ShellCommandPowerSwitch("echo plug unreachable >&2; exit 3", "true");
        var error = Assert.ThrowsAsync<DeviceException>(() => power.PowerOnAsync(CancellationToken.None))!;
        Assert.That(error.Message, Does.Contain("exit code 3").And.Contain("'plug unreachable'"));
    }
}
