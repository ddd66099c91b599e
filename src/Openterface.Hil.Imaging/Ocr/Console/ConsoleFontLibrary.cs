using System.Collections.Concurrent;
using Openterface.Hil.Imaging.Fonts;

namespace Openterface.Hil.Imaging.Ocr;

/// <summary>Glyph sets per (font, cell width), loaded once per process and shared by every reader.</summary>
internal static class ConsoleFontLibrary
{
    private static readonly ConcurrentDictionary<(string Font, int CellWidth), ConsoleGlyphSet> Sets = new();
    private static readonly ConcurrentDictionary<string, PsfFont> Fonts = new(StringComparer.Ordinal);

    /// <summary>
    /// Every glyph set for the configured fonts: 8-dot fonts in both 8- and 9-dot cells. The SeaVGABIOS ROM font
    /// is optional (skipped when the seabios package is absent); other missing fonts are errors.
    /// </summary>
    internal static IReadOnlyList<ConsoleGlyphSet> For(IReadOnlyList<string> fontNames)
    {
        var result = new List<ConsoleGlyphSet>();
        foreach (var name in fontNames)
        {
            if (name == VgaRomFont.SeaVgaBiosName && !File.Exists(VgaRomFont.SeaVgaBiosPath))
            {
                continue;
            }

            var font = Fonts.GetOrAdd(name, n => n == VgaRomFont.SeaVgaBiosName ? VgaRomFont.Load(VgaRomFont.SeaVgaBiosPath) : PsfFont.Load(n));
            result.Add(Sets.GetOrAdd((name, font.Width), key => ConsoleGlyphSet.Create(font, key.CellWidth)));
            if (font.Width == 8)
            {
                result.Add(Sets.GetOrAdd((name, 9), key => ConsoleGlyphSet.Create(font, key.CellWidth)));
            }
        }

        return result;
    }
}
