namespace Openterface.Hil.Farm;

/// <summary>What a runner asks the farm for: a rig carrying <see cref="Tags"/>, held for <see cref="Ttl"/> at a time.</summary>
public sealed record LeaseRequest
{
    public static readonly TimeSpan DefaultTtl = TimeSpan.FromSeconds(60);

    public required LeaseHolder Holder { get; init; }

    /// <summary>Tags the rig must carry (all of them); empty: any rig.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>How long the lease lasts without renewal (default 60 s); the heartbeat renews it every third of it.</summary>
    public TimeSpan Ttl { get; init; } = DefaultTtl;

    /// <summary>How long to wait for a matching rig to become free (zero: one attempt).</summary>
    public TimeSpan Wait { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Renew in the background until disposed (a test's lease). False: the lease simply lasts <see cref="Ttl"/>.</summary>
    public bool Heartbeat { get; init; } = true;
}
