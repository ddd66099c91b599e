using System.Diagnostics;

namespace Openterface.Hil.Video.Tests;

/// <summary>Runs Debian's headless Chromium on a local page, with a fresh profile each time.</summary>
internal static class Chromium
{
    internal const string Path = "/usr/bin/chromium";

    internal static async Task<string> RunAsync(string page, TempDirectory scratch, params string[] mode)
    {
        var info = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--user-data-dir=" + scratch.File("profile-" + Guid.NewGuid().ToString("N")),
                     "--virtual-time-budget=20000", "--autoplay-policy=no-user-gesture-required",
                 }.Concat(mode).Append(new Uri(page).AbsoluteUri))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await errors;
        return await output;
    }
}
