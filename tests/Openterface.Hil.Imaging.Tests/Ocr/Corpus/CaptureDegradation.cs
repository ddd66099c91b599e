namespace Openterface.Hil.Imaging.Tests.Ocr.Corpus;

/// <summary>What a capture card does to a screen: scaling to the capture size, slight blur, JPEG compression.</summary>
internal static class CaptureDegradation
{
    /// <summary>Separable Gaussian blur of a BGR frame (sigma in pixels), edges clamped.</summary>
    internal static Frame Blur(Frame source, double sigma)
    {
        var radius = (int)Math.Ceiling(3 * sigma);
        var kernel = new double[(2 * radius) + 1];
        for (var i = -radius; i <= radius; i++)
        {
            kernel[i + radius] = Math.Exp(-(i * i) / (2 * sigma * sigma));
        }

        var sum = kernel.Sum();
        for (var i = 0; i < kernel.Length; i++)
        {
            kernel[i] /= sum;
        }

        var (w, h, c) = (source.Width, source.Height, source.Channels);
        var input = source.Pixels;
        var temp = new double[input.Length];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                for (var ch = 0; ch < c; ch++)
                {
                    var acc = 0.0;
                    for (var k = -radius; k <= radius; k++)
                    {
                        var xx = Math.Clamp(x + k, 0, w - 1);
                        acc += kernel[k + radius] * input[(((y * w) + xx) * c) + ch];
                    }

                    temp[(((y * w) + x) * c) + ch] = acc;
                }
            }
        }

        var output = new byte[input.Length];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                for (var ch = 0; ch < c; ch++)
                {
                    var acc = 0.0;
                    for (var k = -radius; k <= radius; k++)
                    {
                        var yy = Math.Clamp(y + k, 0, h - 1);
                        acc += kernel[k + radius] * temp[(((yy * w) + x) * c) + ch];
                    }

                    output[(((y * w) + x) * c) + ch] = (byte)Math.Clamp(Math.Round(acc), 0, 255);
                }
            }
        }

        return Frame.FromPixels(output, w, h, source.Format);
    }

    /// <summary>JPEG encode and decode at <paramref name="quality"/>: the artefacts of an MJPEG capture stream.</summary>
    internal static byte[] Jpeg(Frame source, int quality) => source.EncodeJpeg(quality);
}
