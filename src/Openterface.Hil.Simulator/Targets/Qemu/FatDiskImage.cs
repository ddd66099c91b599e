using System.Diagnostics;

namespace Openterface.Hil.Simulator;

/// <summary>Makes the raw FAT disk image behind the switchable USB port with mtools' mformat (no root, no loop device).</summary>
internal static class FatDiskImage
{
    public static async Task CreateAsync(string path, int sizeMiB, string label, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sizeMiB, 2);
        ArgumentException.ThrowIfNullOrEmpty(label);
        if (label.Length > 11)
        {
            throw new ArgumentException($"FAT label '{label}' is longer than 11 characters.", nameof(label));
        }

        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write))
        {
            file.SetLength(sizeMiB * 1024L * 1024L);
        }

        var info = new ProcessStartInfo("mformat")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-i", path, "-v", label, "::" })
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(info)!;
            var error = await process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new QemuTargetException($"mformat could not make the USB disk '{path}': '{error.Trim()}'.");
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new QemuTargetException("mformat is missing: install mtools (ci/setup does) for the QEMU target's USB disk.", e);
        }
    }
}
