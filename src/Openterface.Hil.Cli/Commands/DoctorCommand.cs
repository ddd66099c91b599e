using System.CommandLine;
using Openterface.Hil.Imaging.Interop;

namespace Openterface.Hil.Cli.Commands;

/// <summary>`hil doctor`: checks the native pieces and tools this machine needs, each with a remedy.</summary>
internal sealed class DoctorCommand : ICommandFactory
{
    public Command Create()
    {
        var command = new Command("doctor", "Check native libraries and tools; print a remedy for each problem.");
        command.SetAction(_ =>
        {
            var problems = 0;
            problems += Check("libhilcv (OpenCV shim)", () => NativeLibraries.EnsureHilCv());
            foreach (var tool in new[] { "ffmpeg", "qemu-system-x86_64", "tesseract" })
            {
                problems += Check(tool, () =>
                {
                    var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                        .Split(':', StringSplitOptions.RemoveEmptyEntries)
                        .Any(dir => File.Exists(Path.Combine(dir, tool)));
                    if (!found)
                    {
                        throw new HilException($"'{tool}' is not on PATH. Run 'ci/setup'.");
                    }
                });
            }

            return problems == 0 ? 0 : CliErrors.Failure;
        });
        return command;
    }

    private static int Check(string name, Action probe)
    {
        try
        {
            probe();
            Console.WriteLine($"ok       {name}");
            return 0;
        }
        catch (HilException e)
        {
            Console.WriteLine($"MISSING  {name}: {e.Message}");
            return 1;
        }
    }
}
