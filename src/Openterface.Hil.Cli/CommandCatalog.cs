using System.CommandLine;

namespace Openterface.Hil.Cli;

/// <summary>Every <see cref="ICommandFactory"/> in this assembly, sorted by verb name.</summary>
internal static class CommandCatalog
{
    internal static IEnumerable<Command> CreateAll() =>
        typeof(CommandCatalog).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(ICommandFactory).IsAssignableFrom(t))
            .Select(t => ((ICommandFactory)Activator.CreateInstance(t)!).Create())
            .OrderBy(c => c.Name, StringComparer.Ordinal);
}
