namespace Openterface.Hil.Imaging.Ocr;

/// <summary>
/// One cell cut from a <see cref="NativeImage"/> and split into its two colours: the colour channel with the
/// widest range carries the glyph (so blue-on-black and yellow-on-white cells work too), a two-means threshold
/// separates foreground from background, and values are normalised to 0 (dark) .. 1 (light).
/// </summary>
internal sealed class ConsoleCell
{
    private readonly byte[] _values;

    internal ConsoleCell(int maxArea)
    {
        _values = new byte[maxArea];
        Centred = new float[maxArea];
        LightBits = new ulong[(maxArea + 63) / 64];
    }

    /// <summary>Bit i is set when pixel i is on the light side of the threshold.</summary>
    internal ulong[] LightBits { get; }

    /// <summary>The cell's values minus their mean, scaled to unit length (all zero for a uniform cell).</summary>
    internal float[] Centred { get; }

    internal int Area { get; private set; }

    internal int Contrast { get; private set; }

    internal int LightCount { get; private set; }

    internal void Load(NativeImage image, int nativeX, int nativeY, int width, int height)
    {
        Area = width * height;
        Span<int> low = [255, 255, 255];
        Span<int> high = [0, 0, 0];
        for (var y = 0; y < height; y++)
        {
            var row = image.Row(nativeY + y).Slice((nativeX - image.X0) * 3, width * 3);
            for (var i = 0; i < row.Length; i++)
            {
                var channel = i % 3;
                low[channel] = Math.Min(low[channel], row[i]);
                high[channel] = Math.Max(high[channel], row[i]);
            }
        }

        var best = 0;
        for (var c = 1; c < 3; c++)
        {
            if (high[c] - low[c] > high[best] - low[best])
            {
                best = c;
            }
        }

        // Luma is sharpest (JPEG keeps it at full resolution, chroma at half): use it unless the two colours
        // differ mostly in hue (blue on black), where the strongest channel carries the glyph.
        int min = 255, max = 0;
        for (var y = 0; y < height; y++)
        {
            var row = image.Row(nativeY + y).Slice((nativeX - image.X0) * 3, width * 3);
            for (var x = 0; x < width; x++)
            {
                var b = row[x * 3];
                var g = row[(x * 3) + 1];
                var r = row[(x * 3) + 2];
                var v = (byte)(high[best] - low[best] > 2.2 * LumaRangeBound(low, high)
                    ? row[(x * 3) + best]
                    : ((b * 29) + (g * 150) + (r * 77) + 128) >> 8);
                _values[(y * width) + x] = v;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        Contrast = max - min;
        Split(min, max);
    }

    /// <summary>An upper bound of the luma range from the channel ranges.</summary>
    private static double LumaRangeBound(ReadOnlySpan<int> low, ReadOnlySpan<int> high) =>
        (0.114 * (high[0] - low[0])) + (0.587 * (high[1] - low[1])) + (0.299 * (high[2] - low[2]));

    private void Split(int min, int max)
    {
        var values = _values.AsSpan(0, Area);
        double threshold = (min + max) / 2.0, lo = min, hi = max;
        for (var iteration = 0; iteration < 3; iteration++)
        {
            long sumLow = 0, sumHigh = 0;
            int countLow = 0, countHigh = 0;
            foreach (var v in values)
            {
                if (v > threshold)
                {
                    sumHigh += v;
                    countHigh++;
                }
                else
                {
                    sumLow += v;
                    countLow++;
                }
            }

            lo = countLow > 0 ? (double)sumLow / countLow : min;
            hi = countHigh > 0 ? (double)sumHigh / countHigh : max;
            threshold = (lo + hi) / 2;
        }

        Array.Clear(LightBits);
        var mean = 0.0;
        foreach (var v in values)
        {
            mean += v;
        }

        mean /= values.Length;
        var norm = 0.0;
        foreach (var v in values)
        {
            norm += (v - mean) * (v - mean);
        }

        norm = Math.Max(1e-6, Math.Sqrt(norm));
        LightCount = 0;
        for (var i = 0; i < values.Length; i++)
        {
            Centred[i] = (float)((values[i] - mean) / norm);
            if (values[i] > threshold)
            {
                LightBits[i / 64] |= 1UL << (i % 64);
                LightCount++;
            }
        }
    }
}
