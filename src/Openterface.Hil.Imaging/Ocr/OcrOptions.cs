namespace Openterface.Hil.Imaging;

/// <summary>Settings for <see cref="TextRecognizer"/>. Defaults suit Debian's tesseract-ocr-eng and console-setup fonts.</summary>
public sealed class OcrOptions
{
    /// <summary>The environment variable that overrides the tessdata folder.</summary>
    public const string TessdataEnvironmentVariable = "HIL_TESSDATA";

    /// <summary>Where Debian installs tessdata for Tesseract 5.</summary>
    public const string DefaultTessdataPath = "/usr/share/tesseract-ocr/5/tessdata";

    /// <summary>Tesseract language(s), e.g. "eng" or "eng+deu".</summary>
    public string Language { get; init; } = "eng";

    /// <summary>The tessdata folder; null means $HIL_TESSDATA, else <see cref="DefaultTessdataPath"/>.</summary>
    public string? TessdataPath { get; init; }

    /// <summary>
    /// Console fonts the console reader matches cells against: names in /usr/share/consolefonts, PSF paths, or
    /// <see cref="Fonts.VgaRomFont.SeaVgaBiosName"/> (the VGA BIOS font QEMU targets show).
    /// </summary>
    public IReadOnlyList<string> ConsoleFonts { get; init; } =
        ["Lat15-VGA16", Fonts.VgaRomFont.SeaVgaBiosName, "Lat15-VGA14", "Lat15-VGA8", "Lat15-Fixed16", "Lat15-Terminus16", "Lat15-Fixed14", "Lat15-Terminus14"];

    /// <summary>In <see cref="OcrEngineKind.Auto"/>, the console reader's result is used at or above this confidence.</summary>
    public double ConsoleConfidenceThreshold { get; init; } = 0.9;

    /// <summary>The tessdata folder actually used.</summary>
    internal string ResolvedTessdataPath =>
        TessdataPath
        ?? (Environment.GetEnvironmentVariable(TessdataEnvironmentVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : DefaultTessdataPath);
}
