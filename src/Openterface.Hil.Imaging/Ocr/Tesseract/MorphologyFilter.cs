namespace Openterface.Hil.Imaging.Ocr;

/// <summary>Grey erosion and dilation with a square kernel (separable min/max filters, clamped at the edges).</summary>
internal static class MorphologyFilter
{
    internal static byte[] Erode(ReadOnlySpan<byte> source, int width, int height, int kernel) =>
        Filter(source, width, height, kernel, minimum: true);

    internal static byte[] Dilate(ReadOnlySpan<byte> source, int width, int height, int kernel) =>
        Filter(source, width, height, kernel, minimum: false);

    /// <summary>Mean over a square window of side <paramref name="size"/> (integral image, clamped at the edges).</summary>
    internal static byte[] BoxMean(ReadOnlySpan<byte> source, int width, int height, int size)
    {
        var integral = new long[(width + 1) * (height + 1)];
        for (var y = 0; y < height; y++)
        {
            long rowSum = 0;
            for (var x = 0; x < width; x++)
            {
                rowSum += source[(y * width) + x];
                integral[((y + 1) * (width + 1)) + x + 1] = integral[(y * (width + 1)) + x + 1] + rowSum;
            }
        }

        var radius = size / 2;
        var result = new byte[source.Length];
        for (var y = 0; y < height; y++)
        {
            var y0 = Math.Max(0, y - radius);
            var y1 = Math.Min(height, y + radius + 1);
            for (var x = 0; x < width; x++)
            {
                var x0 = Math.Max(0, x - radius);
                var x1 = Math.Min(width, x + radius + 1);
                var sum = integral[(y1 * (width + 1)) + x1] - integral[(y0 * (width + 1)) + x1]
                    - integral[(y1 * (width + 1)) + x0] + integral[(y0 * (width + 1)) + x0];
                result[(y * width) + x] = (byte)(sum / ((y1 - y0) * (x1 - x0)));
            }
        }

        return result;
    }

    private static byte[] Filter(ReadOnlySpan<byte> source, int width, int height, int kernel, bool minimum)
    {
        var radius = kernel / 2;
        var horizontal = new byte[source.Length];
        for (var y = 0; y < height; y++)
        {
            var row = source.Slice(y * width, width);
            var target = horizontal.AsSpan(y * width, width);
            for (var x = 0; x < width; x++)
            {
                var from = Math.Max(0, x - radius);
                var to = Math.Min(width - 1, x + radius);
                var window = row[from..(to + 1)];
                target[x] = minimum ? Min(window) : Max(window);
            }
        }

        var result = new byte[source.Length];
        for (var y = 0; y < height; y++)
        {
            var from = Math.Max(0, y - radius);
            var to = Math.Min(height - 1, y + radius);
            var target = result.AsSpan(y * width, width);
            horizontal.AsSpan(from * width, width).CopyTo(target);
            for (var yy = from + 1; yy <= to; yy++)
            {
                var other = horizontal.AsSpan(yy * width, width);
                for (var x = 0; x < width; x++)
                {
                    target[x] = minimum ? Math.Min(target[x], other[x]) : Math.Max(target[x], other[x]);
                }
            }
        }

        return result;
    }

    private static byte Min(ReadOnlySpan<byte> window)
    {
        var m = byte.MaxValue;
        foreach (var v in window)
        {
            m = Math.Min(m, v);
        }

        return m;
    }

    private static byte Max(ReadOnlySpan<byte> window)
    {
        byte m = 0;
        foreach (var v in window)
        {
            m = Math.Max(m, v);
        }

        return m;
    }
}
