using System.Text.Json;
using Openterface.Hil.Simulator;

namespace Openterface.Hil.Cli.Commands;

/// <summary>`hil sim --json`: the rig's URIs as one JSON object (serial, video, console, target, ...).</summary>
internal static class SimJson
{
    public static void Print(VirtualRig rig)
    {
        var qemu = rig.Target as QemuTarget;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            target = rig.Target.Name,
            serial = rig.SerialUri,
            video = rig.VideoUri,
            console = rig.ConsoleUri,
            usbDisk = rig.HostDiskPath,
            qmp = qemu?.SpareQmpSocketPath,
            serialLog = qemu?.SerialLogPath,
        }));
    }
}
