using System.CommandLine;

namespace Openterface.Hil.Cli.Tests.Video;

/// <summary>Runs `hil` verbs in-process with stdout and stderr captured.</summary>
internal static class CliRun
{
    private static readonly SemaphoreSlim ConsoleLock = new(1, 1);

    internal static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        await ConsoleLock.WaitAsync();
        var (oldOut, oldError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            Console.SetOut(output);
            Console.SetError(error);
            var root = new RootCommand("hil");
            foreach (var command in CommandCatalog.CreateAll())
            {
                root.Subcommands.Add(command);
            }

            var exit = await root.Parse(args).InvokeAsync();
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
            ConsoleLock.Release();
        }
    }
}
