namespace Openterface.Hil.Imaging.Tests;

/// <summary>Deterministic synthetic frames for tests.</summary>
internal static class Patterns
{
    internal static Frame Noise(int width, int height, int seed, PixelFormat format = PixelFormat.Bgr24)
    {
        var random = new Random(seed);
        var pixels = new byte[width * height * (int)format];
        random.NextBytes(pixels);
        return Frame.FromPixels(pixels, width, height, format);
    }
}
