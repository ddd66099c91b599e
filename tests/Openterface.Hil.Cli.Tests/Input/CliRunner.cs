using System.CommandLine;

namespace Openterface.Hil.Cli.Tests;

/// <summary>Runs `hil ARGS` in-process (the same command tree as Program) and captures stdout and stderr.</summary>
internal static class CliRunner
{
    private static readonly SemaphoreSlim Console_ = new(1, 1);

    internal static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        await Console_.WaitAsync();
        var (oldOut, oldError) = (Console.Out, Console.Error);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        try
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            var root = new RootCommand("hil");
            foreach (var command in CommandCatalog.CreateAll())
            {
                root.Subcommands.Add(command);
            }

            var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
            return (exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
            Console_.Release();
        }
    }
}
