using System.Drawing;
using Openterface.Hil.Imaging.Interop;
using Openterface.Hil.Imaging.Tests.Matching.Corpus;
using Openterface.Hil.Imaging.Tests.Matching.Labelled;

namespace Openterface.Hil.Imaging.Tests.Matching;

/// <summary>
/// The wide-search shortcut (<see cref="ProvenMinimum"/>) against the full TM_SQDIFF map on both matching corpora:
/// every decision (verdict, place, similarity of every area) is identical with and without it, and the float error of
/// OpenCV's map it relies on stays ten times below the bound it assumes.
/// </summary>
public sealed class WideSearchShortcutTests
{
    private static readonly Lazy<NeedleSet> Needles = new(() => NeedleSet.LoadFolder(RepoPaths.Needles));

    [Test]
    public void Every_corpus_decision_is_the_same_with_and_without_the_shortcut()
    {
        using var fast = new NeedleMatcher();
        using var full = new NeedleMatcher { WideSearchShortcut = false };
        var differences = new List<string>();
        var decisions = 0;
        foreach (var ratio in new[] { 1.0, 0.5, 0.0 })
        {
            foreach (var c in MatchingCorpus.Load())
            {
                using var screen = MatchingCorpus.Screen(c.Screen);
                var needle = Needles.Value.Get(c.Needle);
                Compare($"{c.Screen} {c.Needle} ratio {ratio}", fast.Match(screen, needle, SearchScope.Auto, ratio), full.Match(screen, needle, SearchScope.Auto, ratio));
                decisions++;
            }
        }

        foreach (var c in LabelledCase.Load())
        {
            Compare(c.Name, c.Decide(fast), c.Decide(full));
            decisions++;
        }

        var (proven, gaveUp) = fast.WideSearchCounts;
        TestContext.Out.WriteLine($"{decisions} decisions compared; wide searches: {proven} proven by the shortcut, {gaveUp} gave up (full map)");
        Assert.Multiple(() =>
        {
            Assert.That(differences, Is.Empty);
            Assert.That(full.WideSearchCounts, Is.EqualTo((0L, 0L)), "the reference matcher must run the full map");
            Assert.That(proven, Is.GreaterThan(0), "the shortcut never applied: nothing was compared");
        });

        void Compare(string name, MatchResult a, MatchResult b)
        {
            var same = a.Found == b.Found && a.Bounds == b.Bounds && a.Score.Equals(b.Score) &&
                a.Areas.Select(x => (x.Bounds, x.Similarity, x.Passed)).SequenceEqual(b.Areas.Select(x => (x.Bounds, x.Similarity, x.Passed)));
            if (!same)
            {
                differences.Add($"{name}: shortcut {a} vs full {b}");
            }
        }
    }

    [Test]
    public unsafe void OpenCv_float_error_stays_ten_times_below_the_assumed_bound()
    {
        var worst = 0.0;
        var checkedPlaces = 0;
        foreach (var c in MatchingCorpus.Load().DistinctBy(c => (c.Screen, c.Needle)))
        {
            using var screen = MatchingCorpus.Screen(c.Screen);
            var template = Needles.Value.Get(c.Needle).Templates[0].OpenQaGrey!;
            var (grey, origin) = OpenQaPreparation.GreyBlurred(screen, screen.Bounds);
            using (grey)
            {
                var roi = new Rectangle(origin, screen.Size);
                int w = roi.Width - template.Width + 1, h = roi.Height - template.Height + 1;
                var map = new float[w * h];
                fixed (float* result = map)
                {
                    HilCvNative.Check(HilCvNative.MatchTemplateMasked(grey.View(roi), template.View(), null, 0, result, w * sizeof(float)), "TM_SQDIFF");
                }

                var bound = ProvenMinimum.ErrorBound(Energy(grey, roi), Energy(template, template.Bounds));
                var minimum = Array.IndexOf(map, map.Min());
                foreach (var place in Enumerable.Range(0, 400).Select(i => (int)((long)i * map.Length / 400)).Append(minimum))
                {
                    var exact = ProvenMinimum.ExactSsd(grey, roi, template, new Point(place % w, place / w));
                    worst = Math.Max(worst, Math.Abs(map[place] - exact) / bound);
                    checkedPlaces++;
                }
            }
        }

        TestContext.Out.WriteLine($"{checkedPlaces} places: worst |float map - exact SSD| = {worst:0.000000} of the assumed bound");
        Assert.That(worst, Is.LessThan(0.1));
    }

    private static double Energy(Frame grey, Rectangle roi)
    {
        double energy = 0;
        for (var y = roi.Y; y < roi.Bottom; y++)
        {
            foreach (var p in grey.Pixels.Slice((y * grey.Stride) + roi.X, roi.Width))
            {
                energy += p * p;
            }
        }

        return energy;
    }
}
