namespace Openterface.Hil.Imaging.Ocr;

/// <summary>
/// Prepares a graphical screen (anti-aliased proportional fonts on panels, bars and gradients) for Tesseract:
/// ink as the distance from the estimated background (<see cref="BackgroundEstimator"/>), text rows found
/// from the ink, each row binarised at its own level (faint help text and bright titles side by side), and the
/// whole scaled so the median row is at least <see cref="TargetRowHeight"/> pixels (Tesseract's sweet spot).
/// </summary>
internal static class GraphicalPreprocessor
{
    private const int Padding = 16;
    private const int TargetRowHeight = 34;
    private const int NoiseFloor = 28;

    /// <summary>
    /// A flat area at least this many kernels (about a text row each) wide or tall is background; a bold stroke's
    /// flat inside is not. Tabs and buttons are wider than four rows of their text.
    /// </summary>
    private const int BackgroundExtent = 4;

    /// <summary>Prepares a region; <paramref name="rowHeight"/> is the median text row height in the output's pixels.</summary>
    internal static PreparedImage Prepare(ReadOnlySpan<byte> grey, int width, int height, int screenHeight, out int rowHeight)
    {
        var kernel = Math.Clamp((screenHeight / 60) | 1, 9, 21);
        var ink = Ink(grey, width, height, kernel);
        var rowThreshold = RowThresholds(ink, width, height, out var medianRow);
        var factor = medianRow <= 0 ? 1 : Math.Clamp((int)Math.Ceiling((double)TargetRowHeight / medianRow), 1, 3);
        byte[] source = ink;
        int w = width, h = height;
        if (factor > 1)
        {
            using var small = Frame.FromPixels(ink, width, height, PixelFormat.Gray8);
            using var large = small.Resize(width * factor, height * factor);
            source = large.Pixels.ToArray();
            (w, h) = (large.Width, large.Height);
        }

        var outWidth = w + (2 * Padding);
        var output = new byte[outWidth * (h + (2 * Padding))];
        Array.Fill(output, (byte)255);
        for (var y = 0; y < h; y++)
        {
            var threshold = rowThreshold[y / factor];
            if (threshold == int.MaxValue)
            {
                continue;
            }

            var row = output.AsSpan(((y + Padding) * outWidth) + Padding, w);
            var input = source.AsSpan(y * w, w);
            for (var x = 0; x < w; x++)
            {
                row[x] = input[x] >= threshold ? (byte)0 : (byte)255;
            }
        }

        rowHeight = medianRow * factor;
        var longest = Math.Max(4 * TargetRowHeight, medianRow * factor * 6);
        OcrPreprocessor.EraseRuleLines(output, outWidth, h + (2 * Padding), longest, longest);
        return new PreparedImage(output, outWidth, h + (2 * Padding), factor, Padding);
    }

    /// <summary>
    /// How far each pixel is from the background under it (<see cref="BackgroundEstimator"/>), whichever way:
    /// dark text on a light page, light text on a dark panel or a highlight bar all become ink, bar edges do not.
    /// </summary>
    /// <remarks>
    /// In a small region the page around a word may be narrower than four rows: its extent counts from half the
    /// region's size. A region with no flat area at all (a photo, a tight crop of bold text) falls back to the
    /// two-polarity top-hat of the Tesseract path.
    /// </remarks>
    private static byte[] Ink(ReadOnlySpan<byte> grey, int width, int height, int kernel)
    {
        var extent = Math.Min(BackgroundExtent * kernel, Math.Max(width, height) / 2);
        var background = BackgroundEstimator.Estimate(grey, width, height, extent);
        if (background is null)
        {
            return OcrPreprocessor.TopHat(grey, width, height, kernel);
        }

        var ink = new byte[grey.Length];
        for (var i = 0; i < ink.Length; i++)
        {
            ink[i] = (byte)Math.Abs(grey[i] - background[i]);
        }

        return ink;
    }

    /// <summary>
    /// For each pixel row, the ink level that counts as text: half the strong ink (98th percentile) of the text
    /// row (band of rows with ink) it belongs to; int.MaxValue outside every band. Also the median band height.
    /// </summary>
    private static int[] RowThresholds(ReadOnlySpan<byte> ink, int width, int height, out int medianRow)
    {
        var thresholds = new int[height];
        Array.Fill(thresholds, int.MaxValue);
        var heights = new List<int>();
        var start = -1;
        for (var y = 0; y <= height; y++)
        {
            var hasInk = y < height && HasInk(ink.Slice(y * width, width));
            if (hasInk && start < 0)
            {
                start = y;
            }
            else if (!hasInk && start >= 0)
            {
                var band = ink.Slice(start * width, (y - start) * width);
                var level = Math.Max(NoiseFloor, StrongInk(band) / 2);
                thresholds.AsSpan(start, y - start).Fill(level);
                if (y - start >= 4)
                {
                    heights.Add(y - start);
                }

                start = -1;
            }
        }

        heights.Sort();
        medianRow = heights.Count == 0 ? 0 : heights[heights.Count / 2];
        return thresholds;
    }

    private static bool HasInk(ReadOnlySpan<byte> row)
    {
        foreach (var v in row)
        {
            if (v >= 48)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The 98th percentile of the ink pixels (above the noise floor) in a band.</summary>
    private static int StrongInk(ReadOnlySpan<byte> band)
    {
        Span<int> histogram = stackalloc int[256];
        var count = 0;
        foreach (var v in band)
        {
            if (v >= NoiseFloor)
            {
                histogram[v]++;
                count++;
            }
        }

        var remaining = Math.Max(1, count / 50);
        var strong = 255;
        for (; strong > 0 && remaining > 0; strong--)
        {
            remaining -= histogram[strong];
        }

        return strong;
    }
}
