using System.CommandLine;
using Openterface.Hil.Cli;

var root = new RootCommand("hil: drive and verify a target computer through an Openterface Mini-KVM (or the simulator).");
foreach (var command in CommandCatalog.CreateAll())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
