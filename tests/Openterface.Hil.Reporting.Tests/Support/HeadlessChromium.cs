using System.Diagnostics;

namespace Openterface.Hil.Reporting.Tests;

/// <summary>Runs /usr/bin/chromium headless, offline-minded, with a throw-away profile.</summary>
internal static class HeadlessChromium
{
    private const string Executable = "/usr/bin/chromium";

    public static async Task<string> DumpDomAsync(Uri url)
    {
        var (stdout, _) = await RunAsync(["--virtual-time-budget=5000", "--dump-dom", url.AbsoluteUri]);
        return stdout;
    }

    public static async Task ScreenshotAsync(Uri url, string pngPath)
    {
        var (_, stderr) = await RunAsync(["--virtual-time-budget=5000", $"--screenshot={pngPath}", "--window-size=1400,1000", url.AbsoluteUri]);
        Assert.That(File.Exists(pngPath), Is.True, $"chromium wrote no screenshot: {stderr}");
    }

    private static async Task<(string Stdout, string Stderr)> RunAsync(IEnumerable<string> arguments)
    {
        if (!File.Exists(Executable))
        {
            Assert.Fail($"'{Executable}' is missing. Run ci/setup (it installs the Debian package 'chromium').");
        }

        var profile = Directory.CreateTempSubdirectory("hil-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--no-first-run", $"--user-data-dir={profile.FullName}",
                     }.Concat(arguments))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("chromium did not finish within 60 s");
            }

            return (await stdout, await stderr);
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium helpers can outlive the main process for a moment.
            }
        }
    }
}
