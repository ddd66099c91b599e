using System.Diagnostics;

namespace Openterface.Hil.Cli.Commands;

/// <summary>
/// `hil doctor --fix`: installs the Debian packages the failed checks name (apt-get as root, else through sudo),
/// then Allure with npm into the user's cache. Every command is printed before it runs.
/// </summary>
internal static class DoctorFix
{
    internal static async Task<int> ApplyAsync(IReadOnlyList<DoctorCheck> checks, TextWriter log, CancellationToken cancellationToken)
    {
        var failed = checks.Where(c => c.Status == DoctorStatus.Missing).ToList();
        var packages = failed.SelectMany(c => c.Packages).Distinct(StringComparer.Ordinal).ToList();
        var errors = 0;
        if (packages.Count > 0)
        {
            var root = Environment.UserName == "root";
            string[] update = ["apt-get", "update", "-q"];
            string[] install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", .. packages];
            errors += await RunAsync(root ? update : ["sudo", .. update], log, cancellationToken).ConfigureAwait(false);
            errors += await RunAsync(root ? install : ["sudo", .. install], log, cancellationToken).ConfigureAwait(false);
        }

        if (failed.FirstOrDefault(c => c.Name.StartsWith("Allure", StringComparison.Ordinal)) is not null)
        {
            var prefix = Reporting.AllureTool.UserPrefix(Environment.GetEnvironmentVariable)
                ?? throw new SetupException("Neither XDG_CACHE_HOME nor HOME is set; cannot choose where to install Allure.");
            Directory.CreateDirectory(prefix);
            var manifest = Path.Combine(prefix, "package.json");
            if (!File.Exists(manifest))
            {
                await File.WriteAllTextAsync(manifest, """{ "name": "openterface-hil-tools", "private": true }""", cancellationToken).ConfigureAwait(false);
            }

            errors += await RunAsync(["npm", "install", "--prefix", prefix, "--no-audit", "--no-fund", "--loglevel=error", "allure@3"], log, cancellationToken).ConfigureAwait(false);
        }

        return errors;
    }

    private static async Task<int> RunAsync(string[] command, TextWriter log, CancellationToken cancellationToken)
    {
        await log.WriteLineAsync($"hil doctor --fix: {string.Join(' ', command)}").ConfigureAwait(false);
        var info = new ProcessStartInfo(command[0]) { UseShellExecute = false };
        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        foreach (var argument in command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(info)!;
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                await log.WriteLineAsync($"hil doctor --fix: '{command[0]}' exited with {process.ExitCode}").ConfigureAwait(false);
                return 1;
            }

            return 0;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            await log.WriteLineAsync($"hil doctor --fix: cannot run '{command[0]}': {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
