using Openterface.Hil.Imaging;

namespace Openterface.Hil.Video.Tests;

/// <summary>Small generated pictures and their JPEG bytes.</summary>
internal static class TestJpegs
{
    /// <summary>A busy pattern that differs per <paramref name="seed"/> (not near-uniform).</summary>
    internal static Frame Pattern(int width, int height, int seed)
    {
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = ((y * width) + x) * 3;
                pixels[i] = (byte)((x * 4) + (seed * 40));
                pixels[i + 1] = (byte)((y * 4) + (seed * 20));
                pixels[i + 2] = (byte)(((x / 8) + (y / 8)) % 2 == 0 ? 230 : 20);
            }
        }

        return Frame.FromPixels(pixels, width, height, PixelFormat.Bgr24);
    }

    internal static Frame Black(int width, int height, byte level = 0)
    {
        var pixels = new byte[width * height * 3];
        Array.Fill(pixels, level);
        return Frame.FromPixels(pixels, width, height, PixelFormat.Bgr24);
    }

    internal static byte[] PatternJpeg(int width, int height, int seed)
    {
        using var frame = Pattern(width, height, seed);
        return frame.EncodeJpeg(90);
    }
}
