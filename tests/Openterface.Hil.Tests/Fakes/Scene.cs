using System.Drawing;

namespace Openterface.Hil.Tests.Fakes;

/// <summary>
/// What the fake target shows. Each scene instance has its own background shade, so two different scenes always
/// differ in pixels and the same scene shown twice does not. Needles are drawn as patches the fake matcher finds by
/// pixel scan (with the score given here); words are what the fake OCR reads.
/// </summary>
internal sealed class Scene
{
    private static int s_next;

    public Scene(string name)
    {
        Name = name;
        Shade = (byte)(20 + (Interlocked.Increment(ref s_next) % 70));
    }

    private Scene(string name, byte shade)
    {
        Name = name;
        Shade = shade;
    }

    public string Name { get; }

    public byte Shade { get; }

    public List<(string Needle, Rectangle Bounds, double Score)> Needles { get; } = [];

    public List<(string Text, Rectangle Bounds)> Words { get; } = [];

    /// <summary>Plain boxes drawn over the background, in order (pixels for the real matcher to look at).</summary>
    public List<(Rectangle Bounds, byte Shade)> Boxes { get; } = [];

    /// <summary>The target's picture inside the frame; the rest is black (letterbox). Null = the whole frame.</summary>
    public Rectangle? Picture { get; init; }

    /// <summary>A scene with the same background and words (e.g. the same screen with a cursor blinked on).</summary>
    public Scene Like(string name)
    {
        var copy = new Scene(name, Shade) { Picture = Picture };
        copy.Words.AddRange(Words);
        copy.Needles.AddRange(Needles);
        return copy;
    }

    public Scene WithBox(int x, int y, int width, int height, byte shade)
    {
        Boxes.Add((new Rectangle(x, y, width, height), shade));
        return this;
    }

    public Scene WithNeedle(string needle, int x, int y, double score, int width = 40, int height = 20)
    {
        Needles.Add((needle, new Rectangle(x, y, width, height), score));
        return this;
    }

    /// <summary>Adds words left to right on one line starting at x,y (9x16 cells per character).</summary>
    public Scene WithText(string text, int x = 10, int y = 10)
    {
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Words.Add((word, new Rectangle(x, y, word.Length * 9, 16)));
            x += (word.Length + 1) * 9;
        }

        return this;
    }

    public override string ToString() => Name;
}
