using System.Globalization;
using System.Text;

namespace Openterface.Hil.Imaging.Tests.Matching.Labelled;

/// <summary>
/// The labelled corpus (issue 17): every case decided as labelled (0 false positives, 0 false negatives), at the
/// labelled place, and, for openQA needles, with the similarity of the independent Python reference of openQA's search.
/// </summary>
public sealed class LabelledCorpusTests
{
    private static readonly IReadOnlyList<LabelledCase> Cases = LabelledCase.Load();

    private static IEnumerable<TestCaseData> All() => Cases.Select(c => new TestCaseData(c).SetName($"Labelled_{c.Name}"));

    [TestCaseSource(nameof(All))]
    public void Case_is_decided_as_labelled(LabelledCase c)
    {
        using var matcher = new NeedleMatcher();
        var result = c.Decide(matcher);

        Assert.Multiple(() =>
        {
            Assert.That(result.Found, Is.EqualTo(c.Expected), $"{c.Name}: {c.Why}; got {result}");
            if (c.Expected && c.At is { } at)
            {
                Assert.That(result.Bounds.Location, Is.EqualTo(at), c.Name);
            }

            if (c.ReferenceSimilarity is { } reference)
            {
                Assert.That(result.Score, Is.EqualTo(reference).Within(0.002), $"{c.Name}: openQA reference similarity");
            }
        });
    }

    [Test]
    public void Corpus_has_at_least_40_cases_with_both_verdicts_and_both_kinds()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Cases, Has.Count.GreaterThanOrEqualTo(40));
            Assert.That(Cases.Count(c => c.Expected), Is.GreaterThanOrEqualTo(15));
            Assert.That(Cases.Count(c => !c.Expected), Is.GreaterThanOrEqualTo(15));
            Assert.That(Cases.Count(c => c.Needle.StartsWith("templates/", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(10));
        });
    }

    /// <summary>Writes the table of the corpus README (case, verdict, similarity, margin to threshold) to the test output.</summary>
    [Test]
    public void Report_table_lists_every_case_with_its_margin_to_the_threshold()
    {
        using var matcher = new NeedleMatcher();
        var table = new StringBuilder("| Case | Expected | Verdict | Metric | Similarity | Threshold | Margin to threshold | Confirm px left | Why |\n|---|---|---|---|---|---|---|---|---|\n");
        int falsePositives = 0, falseNegatives = 0;
        foreach (var c in Cases)
        {
            var r = c.Decide(matcher);
            falsePositives += r.Found && !c.Expected ? 1 : 0;
            falseNegatives += !r.Found && c.Expected ? 1 : 0;
            table.Append(CultureInfo.InvariantCulture, $"| {c.Name} | {Verdict(c.Expected)} | {Verdict(r.Found)} | {(r.Metric == MatchMetric.OpenQaMse ? "openQA" : "stb-tester")} | {r.Score:0.0000} | {r.Threshold:0.00} | {r.Score - r.Threshold:+0.0000;-0.0000} | {Confirm(r)} | {c.Why} |\n");
        }

        TestContext.Out.WriteLine(table.ToString());
        TestContext.Out.WriteLine($"false positives {falsePositives}, false negatives {falseNegatives} of {Cases.Count}");
        Assert.That((falsePositives, falseNegatives), Is.EqualTo((0, 0)));
    }

    private static string Confirm(MatchResult r) =>
        r.Areas[0].ConfirmRemaining is { } left ? left.ToString(CultureInfo.InvariantCulture) : "-";

    private static string Verdict(bool found) => found ? "found" : "not found";
}
