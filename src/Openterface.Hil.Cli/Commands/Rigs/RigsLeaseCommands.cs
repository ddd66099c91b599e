using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Openterface.Hil.Farm;

namespace Openterface.Hil.Cli.Commands.Rigs;

/// <summary>`hil rigs lease|release`.</summary>
internal static class RigsLeaseCommands
{
    internal const int LeaseLost = 3;

    public static Command Lease()
    {
        var pool = RigsPool.Option();
        var json = RigsPool.JsonOption();
        var tags = new Option<string[]>("--tag") { Description = "Tag the rig must carry (K=V or a bare word); repeat for several" };
        var ttl = new Option<double>("--ttl") { Description = "Lease lifetime in seconds without renewal", DefaultValueFactory = _ => LeaseRequest.DefaultTtl.TotalSeconds };
        var wait = new Option<double>("--wait") { Description = "Seconds to wait for a free rig (0: one attempt)", DefaultValueFactory = _ => 600 };
        var hold = new Option<bool>("--hold") { Description = "Keep renewing until this process is stopped (SIGINT/SIGTERM), then release" };
        var runner = new Option<string?>("--runner") { Description = "Runner name recorded as holder (default: $HIL_RUNNER or the host name)" };
        var test = new Option<string?>("--test") { Description = "Test name recorded as holder" };
        var command = new Command("lease", "Lease a rig (first come, first served). Prints the rig; with --hold keeps it until stopped.")
        {
            tags, ttl, wait, hold, runner, test, json, pool,
        };
        command.SetAction((parseResult, cancellationToken) => RigsPool.RunAsync(parseResult, pool, async database =>
        {
            var holding = parseResult.GetValue(hold);
            var request = new LeaseRequest
            {
                Holder = LeaseHolder.ThisProcess(parseResult.GetValue(runner), parseResult.GetValue(test)),
                Tags = RigTags.Normalize(parseResult.GetValue(tags)),
                Ttl = Seconds(parseResult.GetValue(ttl), "--ttl"),
                Wait = Seconds(parseResult.GetValue(wait), "--wait"),
                Heartbeat = holding,
            };
            var lease = await new FarmPool(database).LeaseAsync(request, cancellationToken).ConfigureAwait(false);
            Print(lease, parseResult.GetValue(json), holding);
            if (!holding)
            {
                return 0;
            }

            await using (lease.ConfigureAwait(false))
            {
                var lost = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                lease.Lost += (_, reason) => lost.TrySetResult(reason);
                if (lease.LostReason is { } already)
                {
                    lost.TrySetResult(already);
                }

                try
                {
                    var reason = await lost.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                    await Console.Error.WriteLineAsync($"hil: lost the lease on rig '{lease.Rig.Name}': {reason}.").ConfigureAwait(false);
                    return LeaseLost;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return 0;
                }
            }
        }));
        return command;
    }

    public static Command Release()
    {
        var pool = RigsPool.Option();
        var id = new Argument<Guid>("LEASE") { Description = "Lease id (from 'hil rigs lease --json' or 'hil rigs list --json')" };
        var command = new Command("release", "End a lease now, freeing its rig.") { id, pool };
        command.SetAction((parseResult, cancellationToken) => RigsPool.RunAsync(parseResult, pool, async database =>
        {
            var leaseId = parseResult.GetValue(id);
            if (!await new FarmPool(database).ReleaseAsync(leaseId, cancellationToken).ConfigureAwait(false))
            {
                throw new HilException($"No lease '{leaseId}' in the farm (already released or taken over). 'hil rigs list --json' shows the leases.");
            }

            Console.WriteLine($"Lease '{leaseId}' released.");
            return 0;
        }));
        return command;
    }

    private static TimeSpan Seconds(double value, string option)
    {
        if (double.IsNaN(value) || value < 0 || value > 86400)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{option} '{value}' must be between 0 and 86400 seconds."));
        }

        return TimeSpan.FromSeconds(value);
    }

    private static void Print(FarmLease lease, bool json, bool holding)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                lease = lease.Id,
                rig = RigsInventoryCommands.RigJson(lease.Rig, null),
                runner = lease.Holder.Runner,
                host = lease.Holder.Host,
                pid = lease.Holder.Pid,
                ttlSeconds = lease.Ttl.TotalSeconds,
                expiresAt = lease.ExpiresAt,
                holding,
            }, RigsPool.Json));
        }
        else
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Leased rig '{lease.Rig.Name}' (lease {lease.Id}) until {lease.ExpiresAt:u}{(holding ? "; renewing until stopped" : string.Empty)}."));
            Console.WriteLine($"  serial {lease.Rig.Serial}  video {lease.Rig.Video ?? "-"}");
        }

        Console.Out.Flush();
    }
}
