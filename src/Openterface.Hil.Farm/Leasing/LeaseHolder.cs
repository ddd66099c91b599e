using System.Globalization;

namespace Openterface.Hil.Farm;

/// <summary>Who holds (or waits for) a rig: the runner's name, its host and process, and the test it runs.</summary>
public sealed record LeaseHolder(string Runner, string Host, int Pid, string? Test)
{
    /// <summary>This process, named after HIL_RUNNER (or the host name).</summary>
    public static LeaseHolder ThisProcess(string? runner = null, string? test = null) =>
        new(runner ?? NonEmpty(Environment.GetEnvironmentVariable("HIL_RUNNER")) ?? Environment.MachineName,
            Environment.MachineName, Environment.ProcessId, test);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"runner '{Runner}' (pid {Pid} on '{Host}'){(Test is null ? string.Empty : $", test '{Test}'")}");
}
