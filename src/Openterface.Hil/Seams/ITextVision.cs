using System.Drawing;
using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>Seam over OCR (adapter: Openterface.Hil.Imaging.TextRecognizer.Read).</summary>
internal interface ITextVision
{
    /// <summary>Reads the text in <paramref name="region"/> (null = whole frame); word boxes are in frame pixels.</summary>
    TextReading Read(Frame frame, Rectangle? region);
}

internal sealed record TextReading(string Text, IReadOnlyList<TextWord> Words, double Confidence);

internal sealed record TextWord(string Text, Rectangle Bounds, double Confidence);
