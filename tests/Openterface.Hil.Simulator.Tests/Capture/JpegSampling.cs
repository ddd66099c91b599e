namespace Openterface.Hil.Simulator.Tests.Capture;

/// <summary>Reads the first component's sampling factors from a baseline JPEG's SOF0 header.</summary>
internal static class JpegSampling
{
    internal static (int Horizontal, int Vertical) LumaFactors(ReadOnlySpan<byte> jpeg)
    {
        for (var i = 2; i + 11 < jpeg.Length;)
        {
            if (jpeg[i] != 0xFF)
            {
                throw new FormatException($"No marker at byte {i}.");
            }

            var marker = jpeg[i + 1];
            var length = (jpeg[i + 2] << 8) | jpeg[i + 3];
            if (marker == 0xC0)
            {
                // FF C0, length(2), precision(1), height(2), width(2), components(1), then id, sampling, table.
                var sampling = jpeg[i + 11];
                return (sampling >> 4, sampling & 0x0F);
            }

            i += 2 + length;
        }

        throw new FormatException("No SOF0 header.");
    }
}
