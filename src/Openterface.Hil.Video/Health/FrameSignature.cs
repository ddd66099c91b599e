using Openterface.Hil.Imaging;

namespace Openterface.Hil.Video;

/// <summary>
/// What the detectors need from a frame: a hash of every pixel (identical frames, including a blinking 8x16
/// cursor) and the brightness spread of a sample grid (a near-uniform "no signal" picture).
/// </summary>
internal readonly record struct FrameSignature(int Hash, int Width, int Height, double MeanLuma, double LumaDeviation)
{
    private const int Step = 8;

    internal static FrameSignature Of(Frame frame)
    {
        var hash = new HashCode();
        hash.AddBytes(frame.Pixels);
        var pixels = frame.Pixels;
        var channels = frame.Channels;
        double sum = 0;
        double sumSquares = 0;
        var count = 0;
        for (var y = Step / 2; y < frame.Height; y += Step)
        {
            var row = y * frame.Stride;
            for (var x = Step / 2; x < frame.Width; x += Step)
            {
                var p = row + (x * channels);
                double luma = channels == 1 ? pixels[p] : ((pixels[p] * 0.114) + (pixels[p + 1] * 0.587) + (pixels[p + 2] * 0.299));
                sum += luma;
                sumSquares += luma * luma;
                count++;
            }
        }

        var mean = count == 0 ? 0 : sum / count;
        var variance = count == 0 ? 0 : Math.Max(0, (sumSquares / count) - (mean * mean));
        return new FrameSignature(hash.ToHashCode(), frame.Width, frame.Height, mean, Math.Sqrt(variance));
    }
}
