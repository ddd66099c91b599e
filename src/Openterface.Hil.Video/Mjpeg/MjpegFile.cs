namespace Openterface.Hil.Video;

/// <summary>Splits concatenated JPEGs (an .mjpeg file) at each start-of-image / end-of-image pair.</summary>
internal static class MjpegFile
{
    internal static List<(long Offset, int Length)> Split(ReadOnlySpan<byte> bytes)
    {
        var parts = new List<(long, int)>();
        var position = 0;
        while (true)
        {
            var start = bytes[position..].IndexOf(StartOfImage);
            if (start < 0)
            {
                return parts;
            }

            start += position;
            var end = bytes[(start + 2)..].IndexOf(EndOfImage);
            if (end < 0)
            {
                return parts;
            }

            var length = end + 2 + EndOfImage.Length;
            parts.Add((start, length));
            position = start + length;
        }
    }

    private static ReadOnlySpan<byte> StartOfImage => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> EndOfImage => [0xFF, 0xD9];
}
