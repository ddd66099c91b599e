using System.CommandLine;

namespace Openterface.Hil.Cli;

/// <summary>One `hil` verb. Program finds every implementation, so a verb is added by adding one file.</summary>
internal interface ICommandFactory
{
    Command Create();
}
