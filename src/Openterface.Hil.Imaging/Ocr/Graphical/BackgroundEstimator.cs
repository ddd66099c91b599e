namespace Openterface.Hil.Imaging.Ocr;

/// <summary>
/// Estimates the background under every pixel of a graphical screen: the background is the large flat areas
/// (page, panels, highlight bars, buttons, gradients: connected regions of locally flat grey at least a given
/// extent wide or tall); every other pixel (glyphs, their anti-aliasing, icons, rules) takes the grey of the nearest
/// background pixel. Unlike a window statistic this needs no polarity guess, keeps a highlight bar barely taller
/// than its text apart from the page around it, and is not fooled by bold strokes covering half a window.
/// </summary>
internal static class BackgroundEstimator
{
    /// <summary>
    /// Largest grey range in a 3x3 neighbourhood that still counts as flat: JPEG ringing beside a bar's edge passes
    /// (12 left a strip of page between a row's descenders and the next row's highlight bar unflat, so it took the
    /// bar's grey and came out as a blob of ink), anti-aliased glyph edges do not.
    /// </summary>
    private const int FlatRange = 20;

    /// <summary>Largest grey step between neighbouring flat pixels of one area (gradients pass).</summary>
    private const int AreaStep = 8;

    /// <summary>The background grey of every pixel; null when no flat area reaches <paramref name="minExtent"/>.</summary>
    internal static byte[]? Estimate(ReadOnlySpan<byte> grey, int width, int height, int minExtent)
    {
        var low = MorphologyFilter.Erode(grey, width, height, 3);
        var high = MorphologyFilter.Dilate(grey, width, height, 3);
        var labels = new int[grey.Length];
        Array.Fill(labels, -1);
        var large = new List<bool>();
        var stack = new Stack<int>();
        var g = grey.ToArray();
        for (var start = 0; start < g.Length; start++)
        {
            if (labels[start] >= 0 || high[start] - low[start] > FlatRange)
            {
                continue;
            }

            var label = large.Count;
            int left = width, right = -1, top = height, bottom = -1;
            labels[start] = label;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var p = stack.Pop();
                int x = p % width, y = p / width;
                left = Math.Min(left, x);
                right = Math.Max(right, x);
                top = Math.Min(top, y);
                bottom = Math.Max(bottom, y);
                if (x > 0)
                {
                    Visit(p - 1, p);
                }

                if (x < width - 1)
                {
                    Visit(p + 1, p);
                }

                if (y > 0)
                {
                    Visit(p - width, p);
                }

                if (y < height - 1)
                {
                    Visit(p + width, p);
                }
            }

            large.Add(right - left + 1 >= minExtent || bottom - top + 1 >= minExtent);

            void Visit(int q, int from)
            {
                if (labels[q] < 0 && high[q] - low[q] <= FlatRange && Math.Abs(g[q] - g[from]) <= AreaStep)
                {
                    labels[q] = label;
                    stack.Push(q);
                }
            }
        }

        return Propagate(g, width, height, labels, large);
    }

    /// <summary>Two-pass chamfer (3-4) propagation of the nearest background pixel's grey.</summary>
    private static byte[]? Propagate(byte[] grey, int width, int height, int[] labels, List<bool> large)
    {
        const int Far = int.MaxValue / 2;
        var distance = new int[grey.Length];
        var value = new byte[grey.Length];
        var any = false;
        for (var i = 0; i < grey.Length; i++)
        {
            var background = labels[i] >= 0 && large[labels[i]];
            distance[i] = background ? 0 : Far;
            value[i] = grey[i];
            any |= background;
        }

        if (!any)
        {
            return null;
        }

        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = (y * width) + x;
                if (x > 0)
                {
                    Relax(i, i - 1, 3);
                }

                if (y > 0)
                {
                    Relax(i, i - width, 3);
                    if (x > 0)
                    {
                        Relax(i, i - width - 1, 4);
                    }

                    if (x < width - 1)
                    {
                        Relax(i, i - width + 1, 4);
                    }
                }
            }
        }

        for (var y = height - 1; y >= 0; y--)
        {
            for (var x = width - 1; x >= 0; x--)
            {
                var i = (y * width) + x;
                if (x < width - 1)
                {
                    Relax(i, i + 1, 3);
                }

                if (y < height - 1)
                {
                    Relax(i, i + width, 3);
                    if (x < width - 1)
                    {
                        Relax(i, i + width + 1, 4);
                    }

                    if (x > 0)
                    {
                        Relax(i, i + width - 1, 4);
                    }
                }
            }
        }

        return value;

        void Relax(int i, int from, int step)
        {
            if (distance[from] + step < distance[i])
            {
                distance[i] = distance[from] + step;
                value[i] = value[from];
            }
        }
    }
}
