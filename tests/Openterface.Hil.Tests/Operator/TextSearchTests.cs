using System.Drawing;
using System.Text.RegularExpressions;

namespace Openterface.Hil.Tests.Operator;

/// <summary>Screen.Text on a reading of several lines: patterns see the lines, phrases match across them.</summary>
[TestFixture]
public sealed class TextSearchTests
{
    // A shell after "clear; uname -s": "Linux" alone on the first line, the prompt on the second (9x16 cells).
    private static readonly OcrResult Shell = new(
        "Linux\nroot@hil-target:~# _",
        [
            new OcrWord("Linux", new Rectangle(0, 0, 45, 16), 0.99),
            new OcrWord("root@hil-target:~#", new Rectangle(0, 16, 162, 16), 0.99),
            new OcrWord("_", new Rectangle(171, 16, 9, 16), 0.99),
        ],
        OcrEngineKind.Auto,
        0.99);

    [Test]
    public void A_pattern_anchored_to_a_line_matches_the_line_that_reads_only_that()
    {
        var found = TextSearch.Find(Shell, null, new Regex("^Linux$", RegexOptions.Multiline));

        Assert.Multiple(() =>
        {
            Assert.That(found?.Text, Is.EqualTo("Linux"));
            Assert.That(found?.Bounds, Is.EqualTo(new Rectangle(0, 0, 45, 16)));
        });
    }

    [Test]
    public void A_phrase_matches_across_a_line_break() =>
        Assert.That(TextSearch.Find(Shell, "linux root@hil-target", null)?.Bounds, Is.EqualTo(new Rectangle(0, 0, 162, 32)));

    [Test]
    public void Words_on_one_line_stay_joined_by_a_space() =>
        Assert.That(TextSearch.Find(Shell, null, new Regex(@"~# _$"))?.Text, Is.EqualTo("~# _"));

    [Test]
    public void A_reading_without_word_boxes_keeps_its_lines() =>
        Assert.That(TextSearch.Find(Shell with { Words = [] }, null, new Regex("(?m)^Linux$")), Is.Not.Null);
}
