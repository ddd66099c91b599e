namespace Openterface.Hil.Farm.Tests;

public sealed class NeedleTrendTests
{
    private static List<NeedleDecisionRecord> Decisions(double threshold, params double[] newestFirst) =>
        [.. newestFirst.Select(s => new NeedleDecisionRecord("grub-menu", s, threshold, s >= threshold, 1024, 768, "pi-1", "T"))];

    [Test]
    public void Median_of_odd_and_even_counts()
    {
        Assert.Multiple(() =>
        {
            Assert.That(NeedleTrend.Median([0.9, 0.7, 0.8]), Is.EqualTo(0.8).Within(1e-9));
            Assert.That(NeedleTrend.Median([0.9, 0.7, 0.8, 1.0]), Is.EqualTo(0.85).Within(1e-9));
        });
    }

    [Test]
    public void A_needle_whose_median_is_within_three_hundredths_of_its_threshold_is_flagged()
    {
        var trend = NeedleTrend.From("grub-menu", Decisions(0.90, 0.93, 0.92, 0.95, 0.91, 0.92));

        Assert.Multiple(() =>
        {
            Assert.That(trend!.MedianScore, Is.EqualTo(0.92).Within(1e-9));
            Assert.That(trend.Flagged, Is.True);
        });
    }

    [Test]
    public void A_needle_with_room_is_not_flagged_and_only_the_last_twenty_count()
    {
        // 20 recent scores of 0.99, then 30 older ones right at the threshold that must be ignored.
        var scores = Enumerable.Repeat(0.99, 20).Concat(Enumerable.Repeat(0.90, 30)).ToArray();
        var trend = NeedleTrend.From("grub-menu", Decisions(0.90, scores));

        Assert.Multiple(() =>
        {
            Assert.That(trend!.Samples, Is.EqualTo(20));
            Assert.That(trend.Flagged, Is.False);
            Assert.That(trend.Headroom, Is.EqualTo(0.09).Within(1e-9));
        });
    }

    [Test]
    public void Margin_chart_is_svg_with_the_threshold_line_and_one_dot_per_score()
    {
        var trend = NeedleTrend.From("grub<menu>", Decisions(0.90, 0.93, 0.89, 0.95))!;

        var svg = MarginChart.Svg(trend);

        Assert.Multiple(() =>
        {
            Assert.That(svg, Does.StartWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
            Assert.That(System.Text.RegularExpressions.Regex.Matches(svg, "<circle").Count, Is.EqualTo(3));
            Assert.That(svg, Does.Contain("stroke=\"red\" stroke-dasharray"));
            Assert.That(svg, Does.Contain("grub&lt;menu&gt;"));
            Assert.That(() => System.Xml.Linq.XDocument.Parse(svg), Throws.Nothing);
        });
    }
}
