using System.Drawing;
using System.Text;
using Openterface.Hil.Imaging.Fonts;

namespace Openterface.Hil.Imaging.Tests.Matching.Corpus;

/// <summary>Draws synthetic GUI screens: flat rectangles, vertical gradients and console-font text.</summary>
internal sealed class Canvas : IDisposable
{
    internal Canvas(int width, int height) => Frame = Frame.Allocate(width, height, PixelFormat.Bgr24);

    internal Canvas(Frame frame) => Frame = frame;

    internal Frame Frame { get; }

    internal Canvas Fill(Rectangle r, Color c)
    {
        r.Intersect(Frame.Bounds);
        var pixels = Frame.WritablePixels;
        for (var y = r.Top; y < r.Bottom; y++)
        {
            var row = pixels.Slice((y * Frame.Stride) + (r.X * 3), r.Width * 3);
            for (var x = 0; x < row.Length; x += 3)
            {
                row[x] = c.B;
                row[x + 1] = c.G;
                row[x + 2] = c.R;
            }
        }

        return this;
    }

    /// <summary>Vertical gradient in 8-pixel bands (keeps PNGs small while looking like a wallpaper).</summary>
    internal Canvas Gradient(Rectangle r, Color top, Color bottom)
    {
        for (var y = r.Top; y < r.Bottom; y += 8)
        {
            var t = (double)(y - r.Top) / Math.Max(1, r.Height - 1);
            var c = Color.FromArgb(Mix(top.R, bottom.R, t), Mix(top.G, bottom.G, t), Mix(top.B, bottom.B, t));
            Fill(new Rectangle(r.X, y, r.Width, Math.Min(8, r.Bottom - y)), c);
        }

        return this;
    }

    internal Canvas Border(Rectangle r, Color c, int thickness = 1)
    {
        Fill(r with { Height = thickness }, c);
        Fill(r with { Y = r.Bottom - thickness, Height = thickness }, c);
        Fill(r with { Width = thickness }, c);
        Fill(r with { X = r.Right - thickness, Width = thickness }, c);
        return this;
    }

    /// <summary>Text in a console font at (x, y), each font pixel drawn as scale x scale.</summary>
    internal Canvas Text(PsfFont font, int x, int y, string text, Color c, int scale = 1)
    {
        var pixels = Frame.WritablePixels;
        foreach (var ch in text)
        {
            var glyph = font.GlyphIndex(new Rune(ch));
            for (var gy = 0; gy < font.Height * scale; gy++)
            {
                for (var gx = 0; gx < font.Width * scale; gx++)
                {
                    int px = x + gx, py = y + gy;
                    if (px >= 0 && py >= 0 && px < Frame.Width && py < Frame.Height && font.IsSet(glyph, gx / scale, gy / scale))
                    {
                        var at = (py * Frame.Stride) + (px * 3);
                        pixels[at] = c.B;
                        pixels[at + 1] = c.G;
                        pixels[at + 2] = c.R;
                    }
                }
            }

            x += font.Width * scale;
        }

        return this;
    }

    /// <summary>A button: filled face, 1-pixel darker border, centred label.</summary>
    internal Canvas Button(PsfFont font, Rectangle r, Color face, string label, Color text)
    {
        Fill(r, face);
        Border(r, Color.FromArgb(face.R / 2, face.G / 2, face.B / 2), 2);
        var tx = r.X + ((r.Width - (label.Length * font.Width)) / 2);
        var ty = r.Y + ((r.Height - font.Height) / 2);
        return Text(font, tx, ty, label, text);
    }

    public void Dispose() => Frame.Dispose();

    private static int Mix(int a, int b, double t) => (int)Math.Round(a + ((b - a) * t));
}
