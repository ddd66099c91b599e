using Openterface.Hil.Imaging.Ocr;

namespace Openterface.Hil.Imaging.Tests.Ocr;

/// <summary>The graphical path's O-for-zero repair in words that hold digits (measured on the graphical corpus).</summary>
public sealed class DigitContextTests
{
    [TestCase("nvmeOn1", "nvme0n1")]
    [TestCase("enp3sO", "enp3s0")]
    [TestCase("F1O", "F10")]
    [TestCase("-O8W", "-08W")]
    [TestCase("EVO", "EVO")]
    [TestCase("WDIOEZEX-08W", "WDIOEZEX-08W")]
    [TestCase("Options", "Options")]
    [TestCase("OK2", "OK2")]
    public void An_O_beside_a_digit_or_a_lowercase_letter_in_a_word_with_digits_is_a_zero(string read, string expected) =>
        Assert.That(DigitContext.Zeros(read), Is.EqualTo(expected));
}
