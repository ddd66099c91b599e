using System.Globalization;

namespace Openterface.Hil.Protocol.Tests;

internal static class Hex
{
    /// <summary>"57 AB 00 ..." to bytes; "29x00" repeats a byte; quoted ASCII ("www") is inlined.</summary>
    internal static byte[] Parse(string text)
    {
        var bytes = new List<byte>();
        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.StartsWith('"'))
            {
                bytes.AddRange(System.Text.Encoding.ASCII.GetBytes(token.Trim('"')));
            }
            else if (token.Contains('x', StringComparison.Ordinal))
            {
                var parts = token.Split('x');
                bytes.AddRange(Enumerable.Repeat(byte.Parse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture), int.Parse(parts[0], CultureInfo.InvariantCulture)));
            }
            else
            {
                bytes.Add(byte.Parse(token, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }
        }

        return bytes.ToArray();
    }
}
