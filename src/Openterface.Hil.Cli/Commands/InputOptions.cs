using System.CommandLine;
using Openterface.Hil.Device;

namespace Openterface.Hil.Cli.Commands;

/// <summary>Options shared by the input verbs (info, key, type, mouse, usb) and how they open the Mini-KVM.</summary>
internal static class InputOptions
{
    internal static Option<string> Serial() => new("--serial")
    {
        Description = "Serial URI of the Mini-KVM: auto, /dev/ttyUSB0, /dev/ttyACM0, /dev/pts/N or tcp://host:port.",
        Required = true,
    };

    internal static Option<string> Pacing() => new("--pacing")
    {
        Description = "Key pacing: default (30 ms hold/gap, BIOS-safe), fast (12 ms), none.",
        DefaultValueFactory = _ => "default",
    };

    internal static KeyPacing ParsePacing(string? name) => name?.ToLowerInvariant() switch
    {
        null or "" or "default" => KeyPacing.Default,
        "fast" => KeyPacing.Fast,
        "none" => KeyPacing.None,
        _ => throw new ArgumentException($"Unknown pacing '{name}'. Use default, fast or none."),
    };

    /// <summary>
    /// Opens the Mini-KVM. HIL_SYSFS_ROOT and HIL_DEV_ROOT move discovery onto another sysfs tree and device folder
    /// (the tests run 'auto' against recorded trees this way).
    /// </summary>
    internal static Task<MiniKvm> ConnectAsync(string serial, KeyPacing? pacing, CancellationToken cancellationToken) =>
        MiniKvm.ConnectAsync(
            serial,
            new MiniKvmOptions
            {
                Pacing = pacing,
                HeartbeatInterval = TimeSpan.Zero,
                SysfsRoot = Environment.GetEnvironmentVariable("HIL_SYSFS_ROOT") is { Length: > 0 } sysfs ? sysfs : "/sys",
                DevRoot = Environment.GetEnvironmentVariable("HIL_DEV_ROOT") is { Length: > 0 } dev ? dev : "/dev",
            },
            cancellationToken);

    /// <summary>Runs an input action with uniform error reporting.</summary>
    internal static async Task<int> RunAsync(Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (e is HilException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            return CliErrors.Report(e);
        }
    }
}
