namespace Openterface.Hil.NUnit;

/// <summary>One rig of the device pool: a Mini-KVM's serial and video URIs, and optionally its power switch.</summary>
public sealed record RigSettings(string Name, string Serial, string? Video = null, string? Power = null);

/// <summary>Default timeouts for sessions created by the NUnit integration.</summary>
public sealed record HilTimeouts
{
    /// <summary>How long a screen expectation waits (default 10 s).</summary>
    public TimeSpan Expect { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one input action may take (default 5 s).</summary>
    public TimeSpan Action { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a target may take to boot (default 2 min).</summary>
    public TimeSpan Boot { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a test waits for a free rig from the pool (default 10 min).</summary>
    public TimeSpan LeaseWait { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a rig lease lasts unless renewed; expired leases are free (default 2 h).</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromHours(2);
}
