using System.Diagnostics;

namespace Openterface.Hil.Imaging.Tests.Ocr.Figures;

/// <summary>The `tesseract` CLI with default settings (the anchor): text of an image file, one process per call.</summary>
internal static class TesseractCli
{
    internal static string Read(string image)
    {
        using var process = Process.Start(new ProcessStartInfo("tesseract", [image, "stdout"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var text = process.StandardOutput.ReadToEnd();
        _ = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return text;
    }
}
