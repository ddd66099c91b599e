using Openterface.Hil.Imaging.Interop;

namespace Openterface.Hil.Imaging;

/// <summary>
/// JPEG encoding with a chosen chroma subsampling, through libjpeg in native/hilcv (OpenCV 4.6's encoder always
/// writes 4:2:0). Used by the simulator's capture model to send what an MS2109 sends: about q80 at 4:2:2.
/// </summary>
public static class SampledJpegEncoder
{
    /// <summary>JPEG bytes of <paramref name="frame"/> at <paramref name="quality"/> (1..100) with <paramref name="subsampling"/>.</summary>
    public static unsafe byte[] EncodeJpeg(this Frame frame, int quality, ChromaSubsampling subsampling)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        if (!Enum.IsDefined(subsampling))
        {
            throw new ArgumentOutOfRangeException(nameof(subsampling), subsampling, "Use Full444, Half422 or Quarter420.");
        }

        NativeLibraries.EnsureHilCv();
        var view = frame.View();

        // A q80 frame is rarely above a third of its raw size; retry once with the size the encoder asks for.
        var buffer = new byte[Math.Max(4096, frame.Pixels.Length / 3)];
        for (var attempt = 0; ; attempt++)
        {
            int rc, length;
            fixed (byte* destination = buffer)
            {
                rc = HilCvNative.EncodeJpegSampled(view, quality, (int)subsampling, destination, buffer.Length, out length);
            }

            if (rc == HilCvNative.BufferTooSmall && attempt == 0)
            {
                buffer = new byte[length];
                continue;
            }

            HilCvNative.Check(rc, "Encoding a JPEG");
            return buffer.AsSpan(0, length).ToArray();
        }
    }
}
