namespace Openterface.Hil.Imaging.Fonts;

/// <summary>
/// The 8x16 text-mode font inside a VGA BIOS ROM image, such as SeaVGABIOS's (Debian package seabios, installed
/// with qemu-system-x86): the exact glyphs a QEMU target (and, closely, a PC's IBM-compatible VGA BIOS) shows in
/// text mode. The table is found by the bitmap of its '0' glyph; characters 32..126 and the code page 437 upper
/// half (box drawing, blocks, accented letters) are mapped, so GRUB's and BIOS menus' frames read with it too.
/// </summary>
public static class VgaRomFont
{
    /// <summary>The font name <see cref="OcrOptions.ConsoleFonts"/> uses for <see cref="SeaVgaBiosPath"/>.</summary>
    public const string SeaVgaBiosName = "SeaVGABIOS-8x16";

    /// <summary>Where Debian installs the standard-VGA BIOS QEMU uses.</summary>
    public const string SeaVgaBiosPath = "/usr/share/seabios/vgabios-stdvga.bin";

    private const int GlyphBytes = 16;

    /// <summary>Rows of the IBM VGA 8x16 '0' (with its dot): how the table is recognised.</summary>
    private static readonly byte[] ZeroGlyph = [0, 0, 0x3C, 0x66, 0xC3, 0xC3, 0xDB, 0xDB, 0xC3, 0xC3, 0x66, 0x3C, 0, 0, 0, 0];

    /// <summary>Loads the 8x16 font from a VGA BIOS ROM image.</summary>
    public static PsfFont Load(string romPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(romPath);
        if (!File.Exists(romPath))
        {
            throw new ImagingException($"VGA BIOS image '{romPath}' not found. Run 'ci/setup' (installs seabios with qemu-system-x86).");
        }

        var rom = File.ReadAllBytes(romPath);
        var zero = rom.AsSpan().IndexOf(ZeroGlyph);
        var start = zero - ('0' * GlyphBytes);
        if (zero < 0 || start < 0 || start + (256 * GlyphBytes) > rom.Length)
        {
            throw new ImagingException($"'{romPath}' holds no IBM VGA 8x16 font table. Use a VGA BIOS image or a console font.");
        }

        var table = UnicodeTable();
        var psf = new byte[4 + (256 * GlyphBytes) + table.Length];
        psf[0] = 0x36;
        psf[1] = 0x04;
        psf[2] = 0x02; // PSF1_MODEHASTAB
        psf[3] = GlyphBytes;
        rom.AsSpan(start, 256 * GlyphBytes).CopyTo(psf.AsSpan(4));
        table.CopyTo(psf.AsSpan(4 + (256 * GlyphBytes)));
        return PsfFont.Parse(psf, SeaVgaBiosName);
    }

    /// <summary>PSF1 Unicode table for a code page 437 ROM: ASCII 32..126 and 128..255 through .NET's CP437 decoder.</summary>
    private static byte[] UnicodeTable()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var cp437 = System.Text.Encoding.GetEncoding(437);
        var table = new List<byte>(256 * 4);
        for (var glyph = 0; glyph < 256; glyph++)
        {
            if (glyph is >= 32 and <= 126 or >= 128)
            {
                var character = glyph < 128 ? (char)glyph : cp437.GetString([(byte)glyph])[0];
                table.Add((byte)(character & 0xFF));
                table.Add((byte)(character >> 8));
            }

            table.Add(0xFF);
            table.Add(0xFF);
        }

        return [.. table];
    }
}
