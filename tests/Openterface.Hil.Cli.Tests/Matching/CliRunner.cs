using System.CommandLine;

namespace Openterface.Hil.Cli.Tests.Matching;

/// <summary>Runs `hil` verbs in-process through the real command catalog, capturing stdout and stderr.</summary>
internal static class CliRunner
{
    private static readonly Lock Gate = new();

    internal static (int Exit, string Out, string Error) Run(params string[] args)
    {
        lock (Gate)
        {
            var root = new RootCommand("hil");
            foreach (var command in CommandCatalog.CreateAll())
            {
                root.Subcommands.Add(command);
            }

            var (oldOut, oldError) = (Console.Out, Console.Error);
            using var output = new StringWriter();
            using var error = new StringWriter();
            Console.SetOut(output);
            Console.SetError(error);
            try
            {
                var exit = root.Parse(args).Invoke();
                return (exit, output.ToString(), error.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldError);
            }
        }
    }

    internal static string Fixture(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Openterface.Hil.sln")))
            {
                return Path.Combine([dir.FullName, "fixtures", .. parts]);
            }
        }

        throw new DirectoryNotFoundException("No Openterface.Hil.sln above the test directory.");
    }
}
