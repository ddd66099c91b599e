using System.Numerics;
using System.Text;
using Openterface.Hil.Imaging.Fonts;

namespace Openterface.Hil.Imaging.Ocr;

/// <summary>
/// A console font's glyphs as bit masks of one cell (width x height, row-major; in 9-dot cells column 8 repeats
/// column 7 for box-drawing and block characters, as VGA hardware does). Characters that draw the same bitmap
/// are merged, keeping the first in a preference order (ASCII first).
/// </summary>
internal sealed class ConsoleGlyphSet
{
    /// <summary>Blur levels (sigma, native pixels) of the soft templates: sharp, and as scaling or a capture card blurs.</summary>
    internal static readonly double[] BlurLevels = [0, 0.55, 0.85];

    private readonly ulong[] _bits;
    private readonly float[][] _templates;

    private ConsoleGlyphSet(string fontName, int cellWidth, int cellHeight, char[] characters, ulong[] bits)
    {
        _templates = BlurLevels.Select(sigma => Centre(Templates(bits, characters.Length, cellWidth, cellHeight, sigma), cellWidth * cellHeight)).ToArray();
        FontName = fontName;
        CellWidth = cellWidth;
        CellHeight = cellHeight;
        Words = ((cellWidth * cellHeight) + 63) / 64;
        Characters = characters;
        _bits = bits;
    }

    internal string FontName { get; }

    internal int CellWidth { get; }

    internal int CellHeight { get; }

    internal int Area => CellWidth * CellHeight;

    internal int Words { get; }

    internal char[] Characters { get; }

    internal int Count => Characters.Length;

    internal ReadOnlySpan<ulong> Glyph(int index) => _bits.AsSpan(index * Words, Words);

    /// <summary>
    /// Glyph <paramref name="index"/> after blur level <paramref name="level"/>, centred and scaled to unit length,
    /// so its dot product with a centred unit cell is their normalised correlation (zero for blank glyphs).
    /// </summary>
    internal ReadOnlySpan<float> Template(int level, int index) => _templates[level].AsSpan(index * Area, Area);

    internal static ConsoleGlyphSet Create(PsfFont font, int cellWidth)
    {
        var words = ((cellWidth * font.Height) + 63) / 64;
        var seenGlyphs = new HashSet<int>();
        var seenBitmaps = new HashSet<string>(StringComparer.Ordinal);
        var characters = new List<char>();
        var bits = new List<ulong>();
        foreach (var character in Repertoire())
        {
            var rune = new Rune(character);
            if (!font.CanDraw(rune) || !seenGlyphs.Add(font.GlyphIndex(rune)))
            {
                continue;
            }

            var glyph = Rasterise(font, font.GlyphIndex(rune), cellWidth, words, character is >= '\u2500' and <= '\u259F');
            if (seenBitmaps.Add(string.Join(',', glyph)))
            {
                characters.Add(character);
                bits.AddRange(glyph);
            }
        }

        return new ConsoleGlyphSet(font.Name, cellWidth, font.Height, [.. characters], [.. bits]);
    }

    /// <summary>Hamming distance between a cell's ink mask and glyph <paramref name="index"/>.</summary>
    internal int Distance(ReadOnlySpan<ulong> ink, int index)
    {
        var glyph = Glyph(index);
        var distance = 0;
        for (var w = 0; w < glyph.Length; w++)
        {
            distance += BitOperations.PopCount(ink[w] ^ glyph[w]);
        }

        return distance;
    }

    /// <summary>Characters a firmware or console screen shows: ASCII, Latin-1, box drawing, blocks, arrows and triangles.</summary>
    private static IEnumerable<char> Repertoire()
    {
        for (var c = ' '; c <= '~'; c++)
        {
            yield return c;
        }

        for (var c = '\u00A1'; c <= '\u00FF'; c++)
        {
            yield return c;
        }

        for (var c = '\u2500'; c <= '\u259F'; c++)
        {
            yield return c;
        }

        foreach (var c in "\u2190\u2191\u2192\u2193\u25B2\u25BA\u25BC\u25C4\u2022\u25A0")
        {
            yield return c;
        }
    }

    private static float[] Centre(float[] templates, int area)
    {
        for (var offset = 0; offset < templates.Length; offset += area)
        {
            var t = templates.AsSpan(offset, area);
            var mean = 0.0;
            foreach (var v in t)
            {
                mean += v;
            }

            mean /= area;
            var norm = 0.0;
            foreach (var v in t)
            {
                norm += (v - mean) * (v - mean);
            }

            norm = Math.Sqrt(norm);
            for (var i = 0; i < area; i++)
            {
                t[i] = norm < 1e-6 ? 0 : (float)((t[i] - mean) / norm);
            }
        }

        return templates;
    }

    private static float[] Templates(ulong[] bits, int count, int width, int height, double sigma)
    {
        var area = width * height;
        var words = (area + 63) / 64;
        var templates = new float[count * area];
        var radius = sigma <= 0 ? 0 : (int)Math.Ceiling(3 * sigma);
        var kernel = new double[(2 * radius) + 1];
        for (var k = -radius; k <= radius; k++)
        {
            kernel[k + radius] = sigma <= 0 ? 1 : Math.Exp(-(k * k) / (2 * sigma * sigma));
        }

        var total = kernel.Sum();
        var temp = new double[area];
        for (var g = 0; g < count; g++)
        {
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var acc = 0.0;
                    for (var k = -radius; k <= radius; k++)
                    {
                        var xx = x + k;
                        var bit = (y * width) + xx;
                        if (xx >= 0 && xx < width && (bits[(g * words) + (bit / 64)] & (1UL << (bit % 64))) != 0)
                        {
                            acc += kernel[k + radius];
                        }
                    }

                    temp[(y * width) + x] = acc / total;
                }
            }

            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var acc = 0.0;
                    for (var k = -radius; k <= radius; k++)
                    {
                        var yy = y + k;
                        if (yy >= 0 && yy < height)
                        {
                            acc += kernel[k + radius] * temp[(yy * width) + x];
                        }
                    }

                    templates[(g * area) + (y * width) + x] = (float)(acc / total);
                }
            }
        }

        return templates;
    }

    private static ulong[] Rasterise(PsfFont font, int glyph, int cellWidth, int words, bool repeatLastColumn)
    {
        var bits = new ulong[words];
        for (var y = 0; y < font.Height; y++)
        {
            for (var x = 0; x < cellWidth; x++)
            {
                var on = x < font.Width ? font.IsSet(glyph, x, y) : repeatLastColumn && font.IsSet(glyph, font.Width - 1, y);
                if (on)
                {
                    var bit = (y * cellWidth) + x;
                    bits[bit / 64] |= 1UL << (bit % 64);
                }
            }
        }

        return bits;
    }
}
