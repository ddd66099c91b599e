namespace Openterface.Hil.Imaging.Ocr;

/// <summary>
/// Tesseract reads the narrow zero of UI fonts as a capital O in device names and codes (nvme0n1 -> nvmeOn1,
/// enp3s0 -> enp3sO, F10 -> F1O). In a word that holds a digit, an O next to a digit or a lowercase letter is a
/// zero: names like 'EVO' (no digit) or 'IOEZEX' (capitals around it) keep theirs.
/// </summary>
internal static class DigitContext
{
    internal static string Zeros(string word)
    {
        if (!word.Contains('O', StringComparison.Ordinal) || !word.Any(char.IsAsciiDigit))
        {
            return word;
        }

        var chars = word.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] == 'O' && (Zeroish(word, i - 1) || Zeroish(word, i + 1)))
            {
                chars[i] = '0';
            }
        }

        return new string(chars);
    }

    private static bool Zeroish(string word, int i) =>
        i >= 0 && i < word.Length && (char.IsAsciiDigit(word[i]) || char.IsAsciiLetterLower(word[i]));
}
