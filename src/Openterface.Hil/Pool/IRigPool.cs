namespace Openterface.Hil;

/// <summary>
/// Where a test's rig comes from when runs share rigs: the single-host file pool (the default, in the NUnit
/// package) or a farm (the Openterface.Hil.Farm package, <c>pool: postgres://...</c>).
/// </summary>
public interface IRigPool
{
    /// <summary>The pool for messages (no password).</summary>
    string Description { get; }

    /// <summary>The pool's run history; null when it keeps none (the file pool).</summary>
    IRunHistory? History { get; }

    /// <summary>Waits up to <see cref="RigRequest.Wait"/> for a free rig carrying the requested tags and leases it.</summary>
    Task<IRigLease> LeaseAsync(RigRequest request, CancellationToken cancellationToken);
}

/// <summary>What a test asks a pool for: a rig carrying every tag in <see cref="Tags"/>.</summary>
/// <param name="Test">The test that will hold the rig (shown to waiters).</param>
/// <param name="Tags">Tags the rig must carry (<c>board=rpi4</c>); empty: any rig. The file pool has no tags.</param>
/// <param name="Wait">How long to wait for a free rig.</param>
/// <param name="Ttl">How long a farm lease lasts without its heartbeat; null: the pool's default (60 s).</param>
public sealed record RigRequest(string? Test, IReadOnlyList<string> Tags, TimeSpan Wait, TimeSpan? Ttl = null);

/// <summary>A leased rig's name and URIs (serial, video, the target's console, power switch).</summary>
public sealed record PooledRig(string Name, string Serial, string? Video = null, string? Console = null, string? Power = null);

/// <summary>An exclusive hold on one rig. A farm lease renews itself while it lives; dispose it to release the rig.</summary>
public interface IRigLease : IAsyncDisposable
{
    PooledRig Rig { get; }

    /// <summary>Why the lease was lost (expired and taken over, released by an operator), or null while it is held.</summary>
    string? LostReason { get; }

    /// <summary>Re-validates the lease; throws <see cref="RigFaultException"/> when it was lost.</summary>
    Task EnsureHeldAsync(CancellationToken cancellationToken);
}

/// <summary>Opens a pool from its URI; a package that provides one (Openterface.Hil.Farm) is loaded by assembly name.</summary>
public interface IRigPoolProvider
{
    /// <summary>Opens the pool at <paramref name="uri"/>; the caller keeps it for the whole run.</summary>
    IRigPool Open(string uri);
}
