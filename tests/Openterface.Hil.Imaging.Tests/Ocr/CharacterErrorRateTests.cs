namespace Openterface.Hil.Imaging.Tests.Ocr;

public sealed class CharacterErrorRateTests
{
    [Test]
    public void Normalising_drops_box_drawing_blank_lines_and_column_spacing()
    {
        Assert.That(CharacterErrorRate.Normalise("│ System Date     [Tue]  │\n\n└────┘\n  Next  "), Is.EqualTo("System Date [Tue]\nNext"));
    }

    [Test]
    public void Errors_are_edits_against_the_reference_length()
    {
        var (errors, length) = CharacterErrorRate.Measure("04713/2021", "04/13/2021");

        Assert.That((errors, length), Is.EqualTo((1, 10)));
    }
}
