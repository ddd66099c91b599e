namespace Openterface.Hil.Imaging.Ocr;

/// <summary>
/// For single-word reads: letters drawn apart (one per key of an on-screen keyboard, a PIN or code entry in boxes)
/// are one word to the user but gaps wider than a letter to Tesseract, which then reads them badly even in
/// single-word mode. Squeezes every run of ink-free columns longer than a letter gap down to one letter gap, and
/// keeps where each column came from so word boxes map back to the region.
/// </summary>
internal static class WordSqueeze
{
    internal static (PreparedImage Image, int[] SourceColumn) Squeeze(PreparedImage prepared, int letterGap)
    {
        var (pixels, width, height) = (prepared.Pixels, prepared.Width, prepared.Height);
        var blank = new bool[width];
        for (var x = 0; x < width; x++)
        {
            blank[x] = true;
            for (var y = 0; y < height && blank[x]; y++)
            {
                blank[x] = pixels[(y * width) + x] != 0;
            }
        }

        var keep = new List<int>(width);
        for (var x = 0; x < width;)
        {
            var end = x;
            while (end < width && blank[end])
            {
                end++;
            }

            var run = end - x;
            var inside = x > 0 && end < width;
            for (var i = 0; i < (inside ? Math.Min(run, letterGap) : run); i++)
            {
                keep.Add(x + i);
            }

            x = end;
            while (x < width && !blank[x])
            {
                keep.Add(x++);
            }
        }

        var output = new byte[keep.Count * height];
        for (var y = 0; y < height; y++)
        {
            for (var i = 0; i < keep.Count; i++)
            {
                output[(y * keep.Count) + i] = pixels[(y * width) + keep[i]];
            }
        }

        return (prepared with { Pixels = output, Width = keep.Count }, keep.ToArray());
    }
}
