using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Openterface.Hil.Farm;

namespace Openterface.Hil.Cli.Commands.Rigs;

/// <summary>`hil rigs add|remove|list|migrate`.</summary>
internal static class RigsInventoryCommands
{
    public static Command Add()
    {
        var pool = RigsPool.Option();
        var name = new Argument<string>("NAME") { Description = "Rig name (unique in the farm)" };
        var serial = new Option<string>("--serial") { Description = "Serial URI of the rig's Mini-KVM (tcp://board-host:3333 for ser2net)", Required = true };
        var video = new Option<string?>("--video") { Description = "Video URI (http://board-host:8080/stream)" };
        var console = new Option<string?>("--console") { Description = "The target's serial console URI" };
        var power = new Option<string?>("--power") { Description = "Power switch URI" };
        var tags = new Option<string[]>("--tag") { Description = "Tag K=V or a bare word; repeat for several", AllowMultipleArgumentsPerToken = false };
        var command = new Command("add", "Add a rig to the farm (or update the rig with that name).") { name, serial, video, console, power, tags, pool };
        command.SetAction((parseResult, cancellationToken) => RigsPool.RunAsync(parseResult, pool, async database =>
        {
            var rig = new FarmRig(parseResult.GetValue(name)!, parseResult.GetValue(serial)!, parseResult.GetValue(video), parseResult.GetValue(console),
                parseResult.GetValue(power), RigTags.Normalize(parseResult.GetValue(tags)));
            await new RigInventory(database).AddAsync(rig, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"Rig '{rig.Name}' is in the farm {database.Uri.Display} with tags {RigTags.Describe(rig.Tags)}.");
            return 0;
        }));
        return command;
    }

    public static Command Remove()
    {
        var pool = RigsPool.Option();
        var name = new Argument<string>("NAME") { Description = "Rig name" };
        var command = new Command("remove", "Remove a rig from the farm (ending any lease on it).") { name, pool };
        command.SetAction((parseResult, cancellationToken) => RigsPool.RunAsync(parseResult, pool, async database =>
        {
            await new RigInventory(database).RemoveAsync(parseResult.GetValue(name)!, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"Rig '{parseResult.GetValue(name)}' removed.");
            return 0;
        }));
        return command;
    }

    public static Command List()
    {
        var pool = RigsPool.Option();
        var json = RigsPool.JsonOption();
        var command = new Command("list", "List the farm's rigs with their tags and current lease.") { json, pool };
        command.SetAction((parseResult, cancellationToken) => RigsPool.RunAsync(parseResult, pool, async database =>
        {
            var rigs = await new RigInventory(database).ListAsync(cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(rigs.Select(r => RigJson(r.Rig, r.Lease)), RigsPool.Json));
                return 0;
            }

            foreach (var (rig, lease) in rigs)
            {
                var state = lease is null ? "free" : string.Create(CultureInfo.InvariantCulture, $"held by {lease.Holder.Describe()} until {lease.ExpiresAt:u}");
                Console.WriteLine($"{rig.Name}  serial {rig.Serial}  video {rig.Video ?? "-"}  tags {RigTags.Describe(rig.Tags)}  {state}");
            }

            if (rigs.Count == 0)
            {
                Console.WriteLine("No rigs in the farm yet. Add one with 'hil rigs add NAME --serial URI --video URI --tag board=...'.");
            }

            return 0;
        }));
        return command;
    }

    public static Command Migrate()
    {
        var pool = RigsPool.Option();
        var command = new Command("migrate", "Create or update the farm's schema (also done automatically on first use).") { pool };
        command.SetAction((parseResult, cancellationToken) => RigsPool.RunAsync(parseResult, pool, async database =>
        {
            var applied = await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            Console.WriteLine(applied.Count == 0
                ? $"The farm schema is up to date (version {Migrations.Latest})."
                : $"Applied migration(s) {string.Join(", ", applied)}; the farm schema is at version {Migrations.Latest}.");
            return 0;
        }));
        return command;
    }

    internal static object RigJson(FarmRig rig, LeaseInfo? lease) => new
    {
        name = rig.Name,
        serial = rig.Serial,
        video = rig.Video,
        console = rig.Console,
        power = rig.Power,
        tags = rig.Tags,
        lease = lease is null ? null : new
        {
            id = lease.Id,
            runner = lease.Holder.Runner,
            host = lease.Holder.Host,
            pid = lease.Holder.Pid,
            test = lease.Holder.Test,
            acquiredAt = lease.AcquiredAt,
            expiresAt = lease.ExpiresAt,
        },
    };
}
