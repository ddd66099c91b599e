using System.Drawing;

namespace Openterface.Hil.Imaging;

/// <summary>A recognised word (or a regex match) with its box in frame coordinates and a confidence in [0, 1].</summary>
public sealed record OcrWord(string Text, Rectangle Bounds, double Confidence);
