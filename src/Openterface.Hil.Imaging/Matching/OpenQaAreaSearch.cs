using System.Drawing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Openterface.Hil.Imaging.Interop;

namespace Openterface.Hil.Imaging;

/// <summary>
/// One openQA match area on one (prepared) screen, decided as os-autoinst's tinycv search does: TM_SQDIFF of the
/// blurred grey area over the area grown by its margin (clipped to the screen); a zero error at the recorded place
/// wins at once; otherwise the places within 10 of the running minimum error (scanned row by row, starting from the
/// error at the recorded place) are ranked by distance the way os-autoinst ranks them, the first is taken, and the
/// quantised mean squared error there is mapped to similarity = 0.9 + (40 - MSE) / 380, clamped to 0..1.
/// </summary>
internal sealed unsafe class OpenQaAreaSearch
{
    private const int SqDiff = 0;
    private float[] _result = [];
    private readonly List<Point> _candidates = [];
    private readonly ProvenMinimum _proven = new();

    /// <summary>
    /// Whether a wide search may take <see cref="ProvenMinimum"/>'s shortcut (it gives the full map's place or gives
    /// up); off only to compare both in tests.
    /// </summary>
    internal bool Shortcut { get; set; } = true;

    /// <summary>Wide searches the shortcut decided, and those where it gave up and the full map ran.</summary>
    internal (long Proven, long GaveUp) ShortcutCounts => (_proven.Proven, _proven.GaveUp);

    /// <summary>The margin openQA searches at <paramref name="searchRatio"/> of a wait: margin + ratio x (1024 - margin), truncated.</summary>
    internal static int GrownMargin(int margin, double searchRatio) => (int)(margin + (searchRatio * (1024 - margin)));

    /// <summary>Similarity openQA assigns to a mean squared error.</summary>
    internal static double Similarity(double mse) => Math.Clamp(0.9 + ((40 - mse) / 380), 0, 1);

    internal AreaMatch Search(Frame scene, AreaTemplate template, int index, int margin, double level)
    {
        var area = template.Bounds;
        if (area.X < 0 || area.Y < 0 || area.Right > scene.Width || area.Bottom > scene.Height)
        {
            return new AreaMatch(index, area, 0, level, false, Rectangle.Empty, margin); // openQA: out of range, similarity 0
        }

        var left = Math.Max(0, area.X - margin);
        var top = Math.Max(0, area.Y - margin);
        var box = Rectangle.FromLTRB(left, top, Math.Min(scene.Width, area.Right + margin), Math.Min(scene.Height, area.Bottom + margin));
        var (grey, origin) = OpenQaPreparation.GreyBlurred(scene, box);
        using (grey)
        {
            var roi = new Rectangle(origin, box.Size);
            var recordedPlace = new Point(area.X - box.X, area.Y - box.Y);
            if (Shortcut && _proven.Find(grey, roi, template.OpenQaGrey!, recordedPlace) is { } proven)
            {
                // The full map would keep this place alone; scored exactly as below (an exact 0 gives MSE 0, similarity 1).
                var provenAt = new Point(proven.X + origin.X, proven.Y + origin.Y);
                var provenMse = EnhancedMse(grey, new Rectangle(provenAt, area.Size), template.OpenQaGrey!);
                var provenSimilarity = Similarity(provenMse);
                var provenFound = new Rectangle(proven.X + box.X, proven.Y + box.Y, area.Width, area.Height);
                return new AreaMatch(index, provenFound, provenSimilarity, level, provenSimilarity >= level, box, margin) { MeanSquaredError = provenMse };
            }

            int width = box.Width - area.Width + 1, height = box.Height - area.Height + 1;
            Ensure(width * height);
            var result = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_result));
            HilCvNative.Check(
                HilCvNative.MatchTemplateMasked(grey.View(roi), template.OpenQaGrey!.View(), null, SqDiff, result, width * sizeof(float)),
                "Template matching (TM_SQDIFF)");
            var values = _result.AsSpan(0, width * height);
            var recorded = new Point(area.X - box.X, area.Y - box.Y);
            var best = values[(recorded.Y * width) + recorded.X] == 0 ? recorded : Choose(values, width, recorded, area.Location);
            var at = new Point(best.X + origin.X, best.Y + origin.Y);
            var mse = EnhancedMse(grey, new Rectangle(at, area.Size), template.OpenQaGrey!);
            var similarity = values[(recorded.Y * width) + recorded.X] == 0 ? 1.0 : Similarity(mse);
            var found = new Rectangle(best.X + box.X, best.Y + box.Y, area.Width, area.Height);
            return new AreaMatch(index, found, similarity, level, similarity >= level, box, margin) { MeanSquaredError = mse };
        }
    }

    /// <summary>
    /// os-autoinst's choice among near-minimal places: keep every place within 10 of the running minimum (the bound
    /// starts at the recorded place's error + 10 and restarts the list whenever a place beats it by more than 10),
    /// then take the one nearest to the area's absolute position measured in search-box coordinates (as os-autoinst
    /// measures it; first in scan order among equals).
    /// </summary>
    private Point Choose(Span<float> values, int width, Point recorded, Point absolute)
    {
        _candidates.Clear();
        var bound = values[(recorded.Y * width) + recorded.X] + 10f;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (v > bound)
            {
                continue;
            }

            if (v + 10f < bound)
            {
                bound = v + 10f;
                _candidates.Clear();
            }

            _candidates.Add(new Point(i % width, i / width));
        }

        if (_candidates.Count == 0)
        {
            return recorded; // NaN errors: nothing comparable; the recorded place is scored as it is
        }

        var chosen = _candidates[0];
        var nearest = Distance(chosen, absolute);
        foreach (var c in _candidates)
        {
            var d = Distance(c, absolute);
            if (d < nearest)
            {
                (chosen, nearest) = (c, d);
            }
        }

        return chosen;
    }

    /// <summary>openQA's "enhanced MSE": pixel differences below 16 count 0, others as the 16-level quantised difference squared.</summary>
    private static double EnhancedMse(Frame grey, Rectangle at, Frame needle)
    {
        double sse = 0;
        var scene = grey.Pixels;
        var template = needle.Pixels;
        for (var y = 0; y < at.Height; y++)
        {
            var a = scene.Slice(((at.Y + y) * grey.Stride) + at.X, at.Width);
            var b = template.Slice(y * needle.Stride, at.Width);
            for (var x = 0; x < a.Length; x++)
            {
                if (Math.Abs(a[x] - b[x]) < 16)
                {
                    continue;
                }

                var diff = (Math.Round(a[x] / 16.0, MidpointRounding.AwayFromZero) - Math.Round(b[x] / 16.0, MidpointRounding.AwayFromZero)) * 16;
                sse += diff * diff;
            }
        }

        return sse / (at.Width * at.Height);
    }

    private static long Distance(Point a, Point b) => ((long)(a.X - b.X) * (a.X - b.X)) + ((long)(a.Y - b.Y) * (a.Y - b.Y));

    private void Ensure(int count)
    {
        if (_result.Length < count)
        {
            _result = GC.AllocateUninitializedArray<float>(Math.Max(count, _result.Length * 2), pinned: true);
        }
    }
}
