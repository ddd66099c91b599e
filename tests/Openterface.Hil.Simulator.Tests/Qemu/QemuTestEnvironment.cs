using System.Diagnostics;
using Openterface.Hil.Imaging;

namespace Openterface.Hil.Simulator.Tests.Qemu;

/// <summary>What the QEMU tests need from the machine: QEMU itself, mtools, tesseract for reading the screen.</summary>
internal static class QemuTestEnvironment
{
    public static void RequireQemu()
    {
        if (!OnPath("qemu-system-x86_64"))
        {
            Assert.Ignore("qemu-system-x86_64 is not installed (ci/setup installs qemu-system-x86).");
        }
    }

    public static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, $"{program} {string.Join(' ', arguments)} failed: {error}");
        return output;
    }

    /// <summary>Reads the screen with the tesseract CLI (PSM 6: a block of text).</summary>
    public static async Task<string> ReadScreenAsync(IVirtualTarget target)
    {
        using var frame = await target.Display.ReadFrameAsync();
        var path = Path.Combine(Path.GetTempPath(), $"hil-qemu-screen-{Guid.NewGuid():N}.png");
        try
        {
            frame.Save(path);
            return await RunAsync("tesseract", path, "-", "--psm", "6");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(d => File.Exists(Path.Combine(d, program)));
}
