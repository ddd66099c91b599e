using System.Diagnostics;

namespace Openterface.Hil.Simulator;

/// <summary>Runs the recipe's build-image script (bash, Debian tools only), relaying its output as progress.</summary>
internal static class TargetImageBuilder
{
    /// <summary>Programs build-image needs, each with the Debian package that brings it.</summary>
    internal static readonly (string Program, string Package)[] Tools =
    [
        ("busybox", "busybox-static"), ("cpio", "cpio"), ("grub-mkrescue", "grub-common"), ("xorriso", "xorriso"),
        ("apt-get", "apt"), ("dpkg-deb", "dpkg"), ("mformat", "mtools"),
    ];

    internal const string GrubBios = "/usr/lib/grub/i386-pc/modinfo.sh";

    /// <summary>The Debian packages missing for a build (empty when all are there).</summary>
    internal static IReadOnlyList<string> MissingPackages()
    {
        var missing = Tools.Where(t => !ProgramPath.Exists(t.Program)).Select(t => t.Package).ToList();
        if (!File.Exists(GrubBios))
        {
            missing.Add("grub-pc-bin");
        }

        return missing.Distinct(StringComparer.Ordinal).ToList();
    }

    internal static async Task RunAsync(string script, string outputFolder, string kernelCache, Action<string> progress, CancellationToken cancellationToken)
    {
        if (MissingPackages() is { Count: > 0 } missing)
        {
            throw new SetupException(
                $"Cannot build the QEMU target image: {string.Join(", ", missing.Select(p => $"'{p}'"))} missing. " +
                SetupRemedies.Install(missing));
        }

        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { script, outputFolder, kernelCache })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new SetupException("'bash' did not start; it is needed to build the QEMU target image.");
        var tail = new Queue<string>();
        void Relay(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (tail)
            {
                tail.Enqueue(line);
                if (tail.Count > 20)
                {
                    tail.Dequeue();
                }
            }

            progress("  " + line);
        }

        process.OutputDataReceived += (_, e) => Relay(e.Data);
        process.ErrorDataReceived += (_, e) => Relay(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new SetupException(
                $"Building the QEMU target image failed (exit {process.ExitCode}): '{string.Join(" | ", tail)}'. " +
                "Check 'dotnet hil doctor', then run 'dotnet hil sim prepare'.");
        }
    }
}
