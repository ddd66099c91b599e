using System.CommandLine;
using Openterface.Hil.Simulator;

namespace Openterface.Hil.Cli.Commands;

/// <summary>
/// `hil sim`: runs a virtual Mini-KVM wired to a virtual target out of process and prints the URIs to connect to,
/// so `hil key`, `hil type`, `hil screenshot` (or a test run) drive it exactly like a remote rig.
/// </summary>
internal sealed class SimCommand : ICommandFactory
{
    public Command Create()
    {
        var target = new Option<string>("--target") { Description = "Virtual target: qemu (GRUB + Linux) or console (firmware screens).", DefaultValueFactory = _ => "qemu" };
        var serialTcp = new Option<int?>("--serial-tcp") { Description = "Serve the CH9329 on this loopback TCP port (0 = any) instead of a pseudo-terminal." };
        var videoHttp = new Option<int>("--video-http") { Description = "Loopback port of the MJPEG video server (0 = any).", DefaultValueFactory = _ => 0 };
        var consoleTcp = new Option<int?>("--console-tcp") { Description = "Serve the target's serial console on this loopback TCP port (0 = any) instead of a pseudo-terminal." };
        var json = new Option<bool>("--json") { Description = "Print the URIs as one JSON object (keys serial, video, console, ...)." };
        var coldBoot = new Option<bool>("--cold-boot") { Description = "QEMU: boot from power-on instead of restoring the saved GRUB-menu state." };
        var realism = new Option<string?>("--realism") { Description = "Capture model: ms2109 (an MS2109 capture; default, or $HIL_REALISM) or none (pristine frames)." };
        var command = new Command("sim", "Run the simulator (virtual Mini-KVM + virtual target) until interrupted; prints the URIs to connect to.")
        {
            target, serialTcp, videoHttp, consoleTcp, coldBoot, json, realism,
        };
        command.Subcommands.Add(SimPrepareCommand.Create());
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                var options = new VirtualRigOptions
                {
                    Target = VirtualRig.ParseTarget(parseResult.GetValue(target)!),
                    SerialTcpPort = parseResult.GetValue(serialTcp),
                    VideoHttpPort = parseResult.GetValue(videoHttp),
                    ConsoleTcpPort = parseResult.GetValue(consoleTcp),
                    QemuStartFrom = parseResult.GetValue(coldBoot) ? QemuStartPoint.ColdBoot : QemuStartPoint.GrubMenu,
                    Realism = parseResult.GetValue(realism) is { } chosen ? CaptureRealismSetting.Parse(chosen, "--realism") : CaptureRealismSetting.FromEnvironment(),
                };
                await Console.Error.WriteLineAsync($"hil sim: starting the {options.Target} target...").ConfigureAwait(false);
                var rig = await VirtualRig.StartAsync(options, cancellationToken).ConfigureAwait(false);
                await using var rigLifetime = rig.ConfigureAwait(false);
                if (parseResult.GetValue(json))
                {
                    SimJson.Print(rig);
                }
                else
                {
                    PrintText(rig);
                }

                await Console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                return 0;
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
            catch (Exception e) when (e is HilException or ArgumentException or IOException)
            {
                return CliErrors.Report(e);
            }
        });
        return command;
    }

    private static void PrintText(VirtualRig rig)
    {
        Console.WriteLine($"serial: {rig.SerialUri}");
        Console.WriteLine($"video:  {rig.VideoUri}");
        if (rig.ConsoleUri is { } console)
        {
            Console.WriteLine($"console: {console}");
        }

        if (rig.HostDiskPath is { } disk)
        {
            Console.WriteLine($"usb-disk (host side): {disk}");
        }

        if (rig.Target is QemuTarget qemu)
        {
            Console.WriteLine($"qmp (spare monitor, e.g. for power): {qemu.SpareQmpSocketPath}");
            Console.WriteLine($"serial console log (ttyS0): {qemu.SerialLogPath}");
        }

        Console.WriteLine("Press Ctrl+C to stop.");
    }
}
