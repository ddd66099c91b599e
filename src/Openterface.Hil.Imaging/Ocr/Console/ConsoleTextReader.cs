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
    private const double AcceptableSampleError = 0.35;
    private const double GoodCellError = 0.2;
    private const double FaintCellError = 0.12;

    private readonly IReadOnlyList<ConsoleGlyphSet> _sets;

    internal ConsoleTextReader(IReadOnlyList<ConsoleGlyphSet> sets) => _sets = sets;

    internal OcrResult? Read(Frame frame, Rectangle region)
    {
        var best = FindGrid(frame, region);
        if (best is null)
        {
            return null;
        }

        var (geometry, set, image) = best.Value;
        return ReadCells(image, geometry, set, region);
    }

    /// <summary>The geometry and font whose sampled cells match best, with the resampled image to read.</summary>
    internal (GridGeometry Geometry, ConsoleGlyphSet Set, NativeImage Image)? FindGrid(Frame frame, Rectangle region)
    {
        var cell = new ConsoleCell(_sets.Max(s => s.Area));
        (GridGeometry, ConsoleGlyphSet, NativeImage)? best = null;
        var bestScore = AcceptableSampleError;
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

                image ??= NativeImage.Create(frame, region, scaleX, scaleY, margin: 20);
                var sample = Sample(image, geometry, c0, r0, c1, r1, cell);
                if (sample.Count == 0)
                {
                    continue;
                }

                foreach (var set in group)
                {
                    var score = Score(image, geometry, set, sample, cell);
                    if (score < bestScore)
                    {
                        bestScore = score;
                        best = (geometry, set, image);
                    }
                }
            }
        }

        return best;
    }

    private static List<(int Column, int Row)> Sample(NativeImage image, GridGeometry g, int c0, int r0, int c1, int r1, ConsoleCell cell)
    {
        var total = (c1 - c0 + 1) * (r1 - r0 + 1);
        var stride = Math.Max(1, total / 400);
        var sample = new List<(int, int)>();
        for (var i = 0; i < total && sample.Count < SampleCells; i += stride)
        {
            var column = c0 + (i % (c1 - c0 + 1));
            var row = r0 + (i / (c1 - c0 + 1));
            if (!image.Contains(column * g.CellWidth, row * g.CellHeight, g.CellWidth, g.CellHeight))
            {
                continue;
            }

            cell.Load(image, column * g.CellWidth, row * g.CellHeight, g.CellWidth, g.CellHeight);
            if (cell.Contrast >= ConsoleCellClassifier.MinimumContrast)
            {
                sample.Add((column, row));
            }
        }

        return sample;
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

    private static OcrResult ReadCells(NativeImage image, GridGeometry g, ConsoleGlyphSet set, Rectangle region)
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

        var confidence = inked == 0 ? 0 : (double)good / inked;
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
