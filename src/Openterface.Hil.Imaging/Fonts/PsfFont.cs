using System.IO.Compression;
using System.Text;

namespace Openterface.Hil.Imaging.Fonts;

/// <summary>
/// A Linux console font (PSF1 or PSF2, optionally gzipped), as shipped in Debian's console-setup-linux under
/// /usr/share/consolefonts. Glyphs are 1-bit bitmaps; the Unicode table maps characters to glyphs.
/// </summary>
public sealed class PsfFont
{
    /// <summary>Where Debian installs console fonts.</summary>
    public const string SystemFontDirectory = "/usr/share/consolefonts";

    private readonly byte[] _glyphs;
    private readonly int _bytesPerRow;
    private readonly Dictionary<int, int> _unicode;

    private PsfFont(string name, int width, int height, int glyphCount, byte[] glyphs, Dictionary<int, int> unicode)
    {
        Name = name;
        Width = width;
        Height = height;
        GlyphCount = glyphCount;
        _glyphs = glyphs;
        _bytesPerRow = (width + 7) / 8;
        _unicode = unicode;
    }

    public string Name { get; }

    public int Width { get; }

    public int Height { get; }

    public int GlyphCount { get; }

    /// <summary>Every character the font can draw, in code-point order.</summary>
    public IEnumerable<Rune> Characters => _unicode.Keys.Order().Select(cp => new Rune(cp));

    /// <summary>Loads a font by file path or by name from <see cref="SystemFontDirectory"/> (e.g. "Lat15-VGA16").</summary>
    public static PsfFont Load(string pathOrName)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathOrName);
        var path = File.Exists(pathOrName) ? pathOrName : Path.Combine(SystemFontDirectory, pathOrName + ".psf.gz");
        if (!File.Exists(path))
        {
            throw new ImagingException(
                $"Console font '{pathOrName}' not found (looked for '{path}'). Run 'ci/setup' (installs console-setup-linux).");
        }

        using var file = File.OpenRead(path);
        using var stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Parse(memory.ToArray(), Path.GetFileName(path));
    }

    /// <summary>Parses PSF1 or PSF2 bytes.</summary>
    public static PsfFont Parse(ReadOnlySpan<byte> data, string name)
    {
        if (data.Length >= 4 && data[0] == 0x36 && data[1] == 0x04)
        {
            return ParsePsf1(data, name);
        }

        if (data.Length >= 32 && data[0] == 0x72 && data[1] == 0xB5 && data[2] == 0x4A && data[3] == 0x86)
        {
            return ParsePsf2(data, name);
        }

        throw new ImagingException($"'{name}' is not a PSF console font (bad magic bytes).");
    }

    /// <summary>Whether the font has a glyph for <paramref name="character"/>.</summary>
    public bool CanDraw(Rune character) => _unicode.ContainsKey(character.Value);

    /// <summary>Glyph index for a character; the font's '?' (or glyph 0) when it has none.</summary>
    public int GlyphIndex(Rune character) =>
        _unicode.TryGetValue(character.Value, out var index) ? index : _unicode.GetValueOrDefault('?', 0);

    /// <summary>Whether pixel (x, y) of a glyph is set.</summary>
    public bool IsSet(int glyph, int x, int y)
    {
        var row = _glyphs[(glyph * Height * _bytesPerRow) + (y * _bytesPerRow) + (x / 8)];
        return (row & (0x80 >> (x % 8))) != 0;
    }

    private static PsfFont ParsePsf1(ReadOnlySpan<byte> data, string name)
    {
        var mode = data[2];
        var height = data[3];
        var count = (mode & 0x01) != 0 ? 512 : 256;
        var glyphBytes = count * height;
        if (data.Length < 4 + glyphBytes)
        {
            throw new ImagingException($"PSF1 font '{name}' is truncated.");
        }

        var glyphs = data.Slice(4, glyphBytes).ToArray();
        var unicode = new Dictionary<int, int>();
        if ((mode & 0x02) != 0)
        {
            var table = data[(4 + glyphBytes)..];
            var glyph = 0;
            for (var i = 0; i + 1 < table.Length && glyph < count; i += 2)
            {
                var value = table[i] | (table[i + 1] << 8);
                if (value == 0xFFFF)
                {
                    glyph++;
                }
                else if (value != 0xFFFE)
                {
                    unicode.TryAdd(value, glyph);
                }
            }
        }
        else
        {
            AddIdentity(unicode, count);
        }

        return new PsfFont(name, 8, height, count, glyphs, unicode);
    }

    private static PsfFont ParsePsf2(ReadOnlySpan<byte> data, string name)
    {
        var headerSize = BitConverter.ToInt32(data[8..]);
        var flags = BitConverter.ToInt32(data[12..]);
        var count = BitConverter.ToInt32(data[16..]);
        var charSize = BitConverter.ToInt32(data[20..]);
        var height = BitConverter.ToInt32(data[24..]);
        var width = BitConverter.ToInt32(data[28..]);
        var glyphBytes = count * charSize;
        if (data.Length < headerSize + glyphBytes || charSize != height * ((width + 7) / 8))
        {
            throw new ImagingException($"PSF2 font '{name}' is truncated or malformed.");
        }

        var glyphs = data.Slice(headerSize, glyphBytes).ToArray();
        var unicode = new Dictionary<int, int>();
        if ((flags & 0x01) != 0)
        {
            ReadPsf2UnicodeTable(data[(headerSize + glyphBytes)..], count, unicode);
        }
        else
        {
            AddIdentity(unicode, count);
        }

        return new PsfFont(name, width, height, count, glyphs, unicode);
    }

    private static void ReadPsf2UnicodeTable(ReadOnlySpan<byte> table, int count, Dictionary<int, int> unicode)
    {
        var glyph = 0;
        var i = 0;
        var inSequence = false;
        while (i < table.Length && glyph < count)
        {
            var b = table[i];
            if (b == 0xFF)
            {
                glyph++;
                inSequence = false;
                i++;
                continue;
            }

            if (b == 0xFE)
            {
                inSequence = true;
                i++;
                continue;
            }

            var length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
            if (i + length > table.Length)
            {
                break;
            }

            if (!inSequence && Rune.DecodeFromUtf8(table.Slice(i, length), out var rune, out _) == System.Buffers.OperationStatus.Done)
            {
                unicode.TryAdd(rune.Value, glyph);
            }

            i += length;
        }
    }

    private static void AddIdentity(Dictionary<int, int> unicode, int count)
    {
        for (var i = 32; i < Math.Min(count, 127); i++)
        {
            unicode[i] = i;
        }
    }

    public override string ToString() => $"{Name} ({Width}x{Height}, {GlyphCount} glyphs)";
}
