using Openterface.Hil.Reporting;

namespace Openterface.Hil.NUnit;

/// <summary>
/// Hands each parallel test its own rig. A lease is an exclusive lock (flock through a FileStream opened with
/// FileShare.None) on `{rig}.lock` in a shared folder, plus `{rig}.lease.json` naming the holder (pid, host, test) and
/// an expiry. The kernel drops the lock when a runner dies; a lease whose process is gone or whose expiry has passed
/// is free too, so a crashed runner never leaves a rig stuck (the stale-lock complaint of labgrid users).
/// </summary>
public sealed class DevicePool
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private readonly IReadOnlyList<RigSettings> rigs;
    private readonly TimeProvider timeProvider;
    private readonly string host;

    public DevicePool(IReadOnlyList<RigSettings> rigs, string leaseDirectory, TimeSpan leaseDuration, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(rigs);
        ArgumentException.ThrowIfNullOrWhiteSpace(leaseDirectory);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        if (rigs.Count == 0)
        {
            throw new ArgumentException("The device pool needs at least one rig.", nameof(rigs));
        }

        this.rigs = rigs;
        LeaseDirectory = Path.GetFullPath(leaseDirectory);
        LeaseDuration = leaseDuration;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        host = Environment.MachineName;
    }

    public string LeaseDirectory { get; }

    public TimeSpan LeaseDuration { get; }

    /// <summary>The pool configured in <paramref name="settings"/> (its rigs, lease folder and lease duration).</summary>
    public static DevicePool FromSettings(HilSettings settings, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.EnsureConfigured();
        return new DevicePool(settings.PoolRigs, settings.LeaseDirectory, settings.Timeouts.LeaseDuration, timeProvider);
    }

    /// <summary>
    /// Leases the first free rig, waiting up to <paramref name="wait"/> (zero: one attempt). On timeout the
    /// <see cref="HilTimeoutException"/> names who holds each rig.
    /// </summary>
    public async Task<RigLease> LeaseAsync(string? testName, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero);
        // 0700 and owned by this user: lease files name the test and host, and another user must not plant or steal them.
        PrivateFolders.Ensure(LeaseDirectory);
        var started = timeProvider.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var holders = new List<string>();
            foreach (var rig in rigs)
            {
                if (TryLease(rig, testName, out var lease, out var holder))
                {
                    return lease;
                }

                holders.Add($"'{rig.Name}' {holder}");
            }

            var elapsed = timeProvider.GetElapsedTime(started);
            if (elapsed >= wait)
            {
                throw new HilTimeoutException(
                    $"No rig became free within {wait.TotalSeconds:0.#}s. {string.Join("; ", holders)}. Wait for those runs, stop them, or add rigs to hil.json.",
                    wait);
            }

            var delay = wait - elapsed < PollInterval ? wait - elapsed : PollInterval;
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    internal bool TryLease(RigSettings rig, string? testName, out RigLease lease, out string holder)
    {
        lease = null!;
        var lockPath = Path.Combine(LeaseDirectory, $"{SafeName(rig.Name)}.lock");
        var leasePath = Path.Combine(LeaseDirectory, $"{SafeName(rig.Name)}.lease.json");
        FileStream lockStream;
        try
        {
            lockStream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            holder = LeaseRecord.TryRead(leasePath)?.Describe() ?? "locked by another process (no lease file yet)";
            return false;
        }
        catch (UnauthorizedAccessException e)
        {
            throw new HilException($"Cannot create the rig lock '{lockPath}': {e.Message}. Make the lease folder writable or set HIL_LEASE_DIR.", e);
        }

        var now = timeProvider.GetUtcNow();
        var existing = LeaseRecord.TryRead(leasePath);
        if (existing is not null && !existing.IsStale(now, host))
        {
            // Held by a runner whose lock we cannot see (another host sharing the folder).
            lockStream.Dispose();
            holder = existing.Describe();
            return false;
        }

        var pid = Environment.ProcessId;
        var record = new LeaseRecord(rig.Name, pid, ProcessIdentity.StartTimeOf(pid), host, testName, now, now + LeaseDuration);
        AtomicFile.Write(leasePath, record.ToJson());
        lease = new RigLease(rig, record, lockStream, leasePath, this, existing);
        holder = string.Empty;
        return true;
    }

    internal DateTimeOffset Now => timeProvider.GetUtcNow();

    internal static string SafeName(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
}
