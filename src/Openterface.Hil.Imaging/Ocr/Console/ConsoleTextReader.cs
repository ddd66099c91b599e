using System.Collections.Concurrent;
using System.Drawing;

namespace Openterface.Hil.Imaging.Ocr;

/// <summary>
/// Reads text-mode screens (BIOS setup, POST, boot menus, GRUB and Linux consoles) cell by cell: finds the cell
/// grid and font that explain the pixels best, then matches every cell against that font's glyphs. Returns
/// null when no grid/font fits (not a text-mode screen, or an unknown font): the caller falls back to Tesseract.
/// </summary>
internal sealed class ConsoleTextReader
{
    private const int SampleCells = 48;
    private const int QuickSampleCells = 20;
    private const int Finalists = 8;
    private const int FontSampleCells = 200;
    private const int Margin = 20;
    private const double AcceptableSampleError = 0.35;
    private const double GoodCellError = 0.2;
    private const double FaintCellError = 0.12;

    /// <summary>A cached grid is kept while its sampled cells match at least this well.</summary>
    private const double CachedSampleError = 0.2;

    /// <summary>A read with the cached grid at or above this confidence is not searched again.</summary>
    private const double TrustedConfidence = 0.97;

    private readonly IReadOnlyList<ConsoleGlyphSet> _sets;
    private readonly ConcurrentDictionary<Size, GridGeometry> _lastGrid = new();

    internal ConsoleTextReader(IReadOnlyList<ConsoleGlyphSet> sets) => _sets = sets;

    /// <summary>
    /// Reads the cells whose centres lie in <paramref name="region"/>. The grid found for a frame size is
    /// remembered (a capture stream keeps its size and mode) and re-checked on every read; a blank region of a
    /// known grid reads as empty with full confidence.
    /// </summary>
    internal OcrResult? Read(Frame frame, Rectangle region)
    {
        using var bgr = frame.ToBgr();
        var cell = new ConsoleCell(_sets.Max(s => s.Area));
        OcrResult? fromCache = null;
        if (_lastGrid.TryGetValue(frame.Size, out var cached))
        {
            fromCache = ReadWithGrid(bgr, region, cached, cell);
            if (fromCache is not null && fromCache.Confidence >= TrustedConfidence)
            {
                return fromCache;
            }
        }

        var best = FindGrid(bgr, region, cell);
        if (best is null)
        {
            return fromCache;
        }

        using (best.Value.Image)
        {
            _lastGrid[frame.Size] = best.Value.Geometry;
            var found = ReadCells(best.Value.Image, best.Value.Geometry, best.Value.Set, region, blankConfidence: 0);
            return fromCache is not null && fromCache.Confidence > found.Confidence ? fromCache : found;
        }
    }

    /// <summary>Reads with a known geometry and the font of its size that fits the sampled cells best.</summary>
    private OcrResult? ReadWithGrid(Frame bgr, Rectangle region, GridGeometry geometry, ConsoleCell cell)
    {
        using var image = NativeImage.Create(bgr, region, geometry.ScaleX, geometry.ScaleY, Margin);
        var sets = _sets.Where(s => s.CellWidth == geometry.CellWidth && s.CellHeight == geometry.CellHeight).ToList();
        var (c0, r0, c1, r1) = geometry.CellsIn(region);
        var sample = c1 < c0 || r1 < r0 ? [] : Sample(image, geometry, c0, r0, c1, r1, cell);
        if (sample.Count == 0)
        {
            return ReadCells(image, geometry, sets[0], region, blankConfidence: 1);
        }

        var scored = sets.Select(set => (Set: set, Score: Score(image, geometry, set, sample, cell))).MinBy(x => x.Score);
        return scored.Score <= CachedSampleError
            ? ReadCells(image, geometry, BestFont(image, geometry, region, cell), region, blankConfidence: 1)
            : null;
    }

    /// <summary>
    /// The geometry and font whose sampled cells match best, with the resampled image to read (caller disposes).
    /// Every (scale, cell size, font) is ranked on a few cells; the best few are decided on the whole sample.
    /// </summary>
    private (GridGeometry Geometry, ConsoleGlyphSet Set, NativeImage Image)? FindGrid(Frame frame, Rectangle region, ConsoleCell cell)
    {
        var images = new List<NativeImage>();
        var ranked = new List<(double Score, GridGeometry Geometry, ConsoleGlyphSet Set, NativeImage Image, List<(int, int)> Sample)>();
        try
        {
            foreach (var (scaleX, scaleY, textMode) in GridGeometry.Scales(frame.Width, frame.Height))
            {
                NativeImage? image = null;
                foreach (var group in _sets.GroupBy(s => (s.CellWidth, s.CellHeight)))
                {
                    var (cw, ch) = group.Key;
                    var nativeWidth = (int)Math.Floor((frame.Width / scaleX) + 0.01);
                    var nativeHeight = (int)Math.Floor((frame.Height / scaleY) + 0.01);
                    if (textMode && (nativeWidth % cw != 0 || nativeHeight % ch != 0))
                    {
                        continue;
                    }

                    var geometry = new GridGeometry(cw, ch, scaleX, scaleY, nativeWidth / cw, nativeHeight / ch);
                    var (c0, r0, c1, r1) = geometry.CellsIn(region);
                    if (c1 < c0 || r1 < r0)
                    {
                        continue;
                    }

                    if (image is null)
                    {
                        image = NativeImage.Create(frame, region, scaleX, scaleY, Margin);
                        images.Add(image);
                    }

                    var sample = Sample(image, geometry, c0, r0, c1, r1, cell);
                    if (sample.Count == 0)
                    {
                        continue;
                    }

                    var every = Math.Max(1, sample.Count / QuickSampleCells);
                    var quick = sample.Where((_, i) => i % every == 0).ToList();
                    foreach (var set in group)
                    {
                        var score = Score(image, geometry, set, quick, cell);
                        if (score < AcceptableSampleError)
                        {
                            ranked.Add((score, geometry, set, image, sample));
                        }
                    }
                }
            }

            (GridGeometry, ConsoleGlyphSet, NativeImage)? best = null;
            var bestScore = AcceptableSampleError;
            foreach (var candidate in ranked.OrderBy(r => r.Score).Take(Finalists))
            {
                var score = Score(candidate.Image, candidate.Geometry, candidate.Set, candidate.Sample, cell);
                if (score < bestScore)
                {
                    bestScore = score;
                    best = (candidate.Geometry, candidate.Set, candidate.Image);
                }
            }

            if (best is { } chosen)
            {
                images.Remove(chosen.Item3);
                return (chosen.Item1, BestFont(chosen.Item3, chosen.Item1, region, cell), chosen.Item3);
            }

            return best;
        }
        finally
        {
            images.ForEach(i => i.Dispose());
        }
    }

    /// <summary>
    /// Fonts of one cell size share most glyphs (Lat15-VGA16 and the VGA BIOS font differ in a few letters and
    /// digits): the font is decided on a larger sample of the chosen grid.
    /// </summary>
    private ConsoleGlyphSet BestFont(NativeImage image, GridGeometry geometry, Rectangle region, ConsoleCell cell)
    {
        var (c0, r0, c1, r1) = geometry.CellsIn(region);
        var sample = Sample(image, geometry, c0, r0, c1, r1, cell, FontSampleCells);
        return _sets.Where(s => s.CellWidth == geometry.CellWidth && s.CellHeight == geometry.CellHeight)
            .Select(set => (Set: set, Score: Score(image, geometry, set, sample, cell)))
            .MinBy(x => x.Score).Set;
    }

    /// <summary>
    /// Up to <paramref name="maxCells"/> informative cells spread over the region (a fixed pseudo-random order, so no
    /// column is favoured): not blank, and not a plain horizontal or vertical rule, which fits any grid.
    /// </summary>
    private static List<(int Column, int Row)> Sample(
        NativeImage image, GridGeometry g, int c0, int r0, int c1, int r1, ConsoleCell cell, int maxCells = SampleCells)
    {
        var columns = c1 - c0 + 1;
        var total = columns * (r1 - r0 + 1);
        var step = total % 7919 == 0 ? 7907 : 7919;
        var sample = new List<(int, int)>();
        for (var i = 0; i < total && i < 4 * maxCells && sample.Count < maxCells; i++)
        {
            var index = (int)((long)i * step % total);
            var column = c0 + (index % columns);
            var row = r0 + (index / columns);
            if (!image.Contains(column * g.CellWidth, row * g.CellHeight, g.CellWidth, g.CellHeight))
            {
                continue;
            }

            cell.Load(image, column * g.CellWidth, row * g.CellHeight, g.CellWidth, g.CellHeight);
            if (cell.Contrast >= ConsoleCellClassifier.MinimumContrast && !IsRule(cell, g.CellWidth, g.CellHeight))
            {
                sample.Add((column, row));
            }
        }

        return sample;
    }

    /// <summary>Whether the binarised cell is only full rows (a horizontal rule) or only identical rows (a vertical rule).</summary>
    private static bool IsRule(ConsoleCell cell, int width, int height)
    {
        bool allRowsUniform = true, allRowsEqual = true;
        ulong first = 0;
        for (var y = 0; y < height; y++)
        {
            ulong row = 0;
            for (var x = 0; x < width; x++)
            {
                var bit = (y * width) + x;
                if ((cell.LightBits[bit / 64] & (1UL << (bit % 64))) != 0)
                {
                    row |= 1UL << x;
                }
            }

            var full = (1UL << width) - 1;
            allRowsUniform &= row == 0 || row == full;
            if (y == 0)
            {
                first = row;
            }

            allRowsEqual &= row == first;
        }

        return allRowsUniform || allRowsEqual;
    }

    private static double Score(NativeImage image, GridGeometry g, ConsoleGlyphSet set, List<(int Column, int Row)> sample, ConsoleCell cell)
    {
        var total = 0.0;
        foreach (var (column, row) in sample)
        {
            cell.Load(image, column * g.CellWidth, row * g.CellHeight, g.CellWidth, g.CellHeight);
            total += ConsoleCellClassifier.Classify(cell, set, refine: false).Error;
        }

        return total / sample.Count;
    }

    private static OcrResult ReadCells(NativeImage image, GridGeometry g, ConsoleGlyphSet set, Rectangle region, double blankConfidence)
    {
        var (c0, r0, c1, r1) = g.CellsIn(region);
        var cell = new ConsoleCell(set.Area);
        var builder = new OcrTextBuilder();
        int inked = 0, good = 0;
        var columns = c1 - c0 + 1;
        var matches = new CellMatch[columns];
        var contrasts = new int[columns];
        for (var row = r0; row <= r1; row++)
        {
            for (var column = c0; column <= c1; column++)
            {
                var match = new CellMatch(' ', 0, Blank: true);
                contrasts[column - c0] = 0;
                if (image.Contains(column * g.CellWidth, row * g.CellHeight, g.CellWidth, g.CellHeight))
                {
                    cell.Load(image, column * g.CellWidth, row * g.CellHeight, g.CellWidth, g.CellHeight);
                    match = ConsoleCellClassifier.Classify(cell, set);
                    contrasts[column - c0] = cell.Contrast;
                }

                matches[column - c0] = match;
            }

            BlankFaintCells(matches, contrasts);
            var line = new char[columns];
            var errors = new double[columns];
            for (var i = 0; i < columns; i++)
            {
                line[i] = matches[i].Character;
                errors[i] = matches[i].Error;
                if (!matches[i].Blank)
                {
                    inked++;
                    good += matches[i].Error <= GoodCellError ? 1 : 0;
                }
            }

            AddLine(builder, g, row, c0, line, errors);
        }

        var confidence = inked == 0 ? blankConfidence : (double)good / inked;
        return builder.Build(OcrEngineKind.Console, confidence) with { CellSize = new SizeF((float)g.PitchX, (float)g.PitchY) };
    }

    /// <summary>
    /// JPEG ringing and blur leave faint patterns in blank cells next to text. A poorly matching cell much fainter
    /// than the row's confidently read glyphs is such a ghost: make it a space.
    /// </summary>
    private static void BlankFaintCells(CellMatch[] matches, int[] contrasts)
    {
        var confident = new List<int>();
        for (var i = 0; i < matches.Length; i++)
        {
            if (!matches[i].Blank && matches[i].Error <= FaintCellError)
            {
                confident.Add(contrasts[i]);
            }
        }

        if (confident.Count == 0)
        {
            return;
        }

        confident.Sort();
        var reference = confident[confident.Count / 2];
        for (var i = 0; i < matches.Length; i++)
        {
            if (!matches[i].Blank && matches[i].Error > FaintCellError && contrasts[i] < reference / 2)
            {
                matches[i] = new CellMatch(' ', matches[i].Error, Blank: true);
            }
        }
    }

    private static void AddLine(OcrTextBuilder builder, GridGeometry g, int row, int c0, char[] line, double[] errors)
    {
        var text = new string(line).TrimEnd();
        builder.StartLine(text);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isSpace = i == text.Length || text[i] == ' ';
            if (!isSpace && start < 0)
            {
                start = i;
            }
            else if (isSpace && start >= 0)
            {
                var confidence = 0.0;
                for (var k = start; k < i; k++)
                {
                    confidence += Math.Clamp(1 - (errors[k] / (2 * GoodCellError)), 0, 1);
                }

                builder.AddWord(start, text[start..i], g.Bounds(c0 + start, row, c0 + i - 1, row), confidence / (i - start));
                start = -1;
            }
        }
    }
}
