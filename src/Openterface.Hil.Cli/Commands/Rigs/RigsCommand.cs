using System.CommandLine;

namespace Openterface.Hil.Cli.Commands.Rigs;

/// <summary>`hil rigs`: the farm's rig inventory, leases and history in PostgreSQL.</summary>
internal sealed class RigsCommand : ICommandFactory
{
    public Command Create()
    {
        var command = new Command("rigs", "The farm: rigs shared by many runner hosts through PostgreSQL (--pool URI or HIL_POOL).");
        command.Subcommands.Add(RigsInventoryCommands.Add());
        command.Subcommands.Add(RigsInventoryCommands.Remove());
        command.Subcommands.Add(RigsInventoryCommands.List());
        command.Subcommands.Add(RigsLeaseCommands.Lease());
        command.Subcommands.Add(RigsLeaseCommands.Release());
        command.Subcommands.Add(RigsHistoryCommand.Create());
        command.Subcommands.Add(RigsInventoryCommands.Migrate());
        return command;
    }
}
