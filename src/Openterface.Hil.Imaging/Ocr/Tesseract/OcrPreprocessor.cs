namespace Openterface.Hil.Imaging.Ocr;

/// <summary>A grey image prepared for Tesseract, and how to map its pixels back to the region it came from.</summary>
internal readonly record struct PreparedImage(byte[] Pixels, int Width, int Height, int Factor, int Padding);

/// <summary>
/// Turns a screen region into black text on white for Tesseract, whatever the colours: the ink is what a
/// morphological top-hat (both polarities) finds thinner than a few pixels, so light-on-dark text, dark-on-light
/// text and highlighted bars all come out dark on white while large colour fields vanish. The region's own
/// ink level sets the threshold; small glyphs are upscaled x2 or x3 (Tesseract wants ~30 px lines).
/// </summary>
internal static class OcrPreprocessor
{
    private const int Padding = 12;
    private const int TargetLineHeight = 30;

    /// <summary>Prepares packed grey pixels of a region for Tesseract.</summary>
    /// <remarks>pixelScale: screen pixels per native (VGA) pixel, about frame height / 400; it sets the filter size.</remarks>
    internal static PreparedImage Prepare(ReadOnlySpan<byte> grey, int width, int height, double pixelScale)
    {
        var kernel = Math.Clamp((int)Math.Round(5 * Math.Max(1, pixelScale)) | 1, 5, 17);
        var ink = TopHat(grey, width, height, kernel);
        var threshold = InkThreshold(ink);
        var factor = UpscaleFactor(ink, width, height, threshold);
        byte[] source = ink;
        int w = width, h = height;
        if (factor > 1)
        {
            using var small = Frame.FromPixels(ink, width, height, PixelFormat.Gray8);
            using var large = small.Resize(width * factor, height * factor);
            source = large.Pixels.ToArray();
            w = large.Width;
            h = large.Height;
        }

        var outWidth = w + (2 * Padding);
        var outHeight = h + (2 * Padding);
        var output = new byte[outWidth * outHeight];
        Array.Fill(output, (byte)255);
        for (var y = 0; y < h; y++)
        {
            var row = output.AsSpan(((y + Padding) * outWidth) + Padding, w);
            var input = source.AsSpan(y * w, w);
            for (var x = 0; x < w; x++)
            {
                row[x] = input[x] >= threshold ? (byte)0 : (byte)255;
            }
        }

        var longest = (int)Math.Round(36 * Math.Max(1, pixelScale) * factor);
        EraseRuleLines(output, outWidth, outHeight, longest, longest);
        return new PreparedImage(output, outWidth, outHeight, factor, Padding);
    }

    /// <summary>
    /// Box-drawing frames and separators become '|', '_' and '—' noise in Tesseract's output: erase ink runs longer
    /// than any glyph (about four character widths across, two lines down).
    /// </summary>
    internal static void EraseRuleLines(byte[] image, int width, int height, int horizontal, int vertical)
    {
        var erase = new List<(int Start, int Length, bool Across, int Line)>();
        for (var y = 0; y < height; y++)
        {
            var run = 0;
            for (var x = 0; x <= width; x++)
            {
                if (x < width && image[(y * width) + x] == 0)
                {
                    run++;
                    continue;
                }

                if (run >= horizontal)
                {
                    erase.Add((x - run, run, true, y));
                }

                run = 0;
            }
        }

        for (var x = 0; x < width; x++)
        {
            var run = 0;
            for (var y = 0; y <= height; y++)
            {
                if (y < height && image[(y * width) + x] == 0)
                {
                    run++;
                    continue;
                }

                if (run >= vertical)
                {
                    erase.Add((y - run, run, false, x));
                }

                run = 0;
            }
        }

        foreach (var (start, length, across, line) in erase)
        {
            for (var i = start; i < start + length; i++)
            {
                image[across ? (line * width) + i : (i * width) + line] = 255;
            }
        }
    }

    /// <summary>
    /// How much each pixel stands out as ink: the white top-hat where the local background is dark (the local mean
    /// is nearer the opening), else the black top-hat. Picking one polarity per place keeps the gaps between
    /// strokes (which the other top-hat would mark) blank.
    /// </summary>
    internal static byte[] TopHat(ReadOnlySpan<byte> grey, int width, int height, int kernel)
    {
        var opened = MorphologyFilter.Dilate(MorphologyFilter.Erode(grey, width, height, kernel), width, height, kernel);
        var closed = MorphologyFilter.Erode(MorphologyFilter.Dilate(grey, width, height, kernel), width, height, kernel);
        var mean = MorphologyFilter.BoxMean(grey, width, height, kernel * 4);
        var result = new byte[grey.Length];
        for (var i = 0; i < grey.Length; i++)
        {
            var v = grey[i];
            var darkBackground = mean[i] - opened[i] <= closed[i] - mean[i];
            result[i] = (byte)(darkBackground ? v - opened[i] : closed[i] - v);
        }

        return result;
    }

    /// <summary>Half the strong ink level (98th percentile of the top-hat), never below a noise floor.</summary>
    private static int InkThreshold(ReadOnlySpan<byte> ink)
    {
        Span<int> histogram = stackalloc int[256];
        foreach (var v in ink)
        {
            histogram[v]++;
        }

        var remaining = ink.Length / 50;
        var strong = 255;
        for (; strong > 0 && remaining > 0; strong--)
        {
            remaining -= histogram[strong];
        }

        return Math.Max(28, strong / 2);
    }

    /// <summary>x2 or x3 when the text lines (bands of rows with ink) are short.</summary>
    private static int UpscaleFactor(ReadOnlySpan<byte> ink, int width, int height, int threshold)
    {
        var bands = new List<int>();
        var run = 0;
        for (var y = 0; y <= height; y++)
        {
            var hasInk = false;
            if (y < height)
            {
                foreach (var v in ink.Slice(y * width, width))
                {
                    if (v >= threshold)
                    {
                        hasInk = true;
                        break;
                    }
                }
            }

            if (hasInk)
            {
                run++;
            }
            else if (run > 0)
            {
                bands.Add(run);
                run = 0;
            }
        }

        if (bands.Count == 0)
        {
            return 1;
        }

        bands.Sort();
        var lineHeight = bands[bands.Count / 2];
        return Math.Clamp((int)Math.Ceiling((double)TargetLineHeight / lineHeight), 1, 3);
    }
}
