using System.CommandLine;
using Openterface.Hil.Simulator;

namespace Openterface.Hil.Cli.Commands;

/// <summary>
/// `hil sim prepare`: builds the QEMU target image ahead of time (the recipe shipped in Openterface.Hil.Simulator,
/// into the user's cache), so the first sim:qemu test does not wait for it. A second run only prints the path.
/// </summary>
internal static class SimPrepareCommand
{
    internal static Command Create()
    {
        var command = new Command("prepare", "Build the QEMU target image into the user's cache now (otherwise the first sim:qemu test builds it).");
        command.SetAction(async (_, cancellationToken) =>
        {
            try
            {
                TargetImageCache.Progress = line => Console.Error.WriteLine(line);
                var image = await QemuImage.LocateAsync(null, cancellationToken).ConfigureAwait(false);
                Console.WriteLine(image);
                return 0;
            }
            catch (Exception e) when (e is HilException or IOException or UnauthorizedAccessException)
            {
                return CliErrors.Report(e);
            }
        });
        return command;
    }
}
