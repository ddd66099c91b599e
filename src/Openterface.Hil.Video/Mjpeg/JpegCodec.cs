using Openterface.Hil.Imaging;
using Openterface.Hil.Video.Interop;

namespace Openterface.Hil.Video;

/// <summary>
/// JPEG decode into pooled frames and encode into reusable buffers through native/hilcv, with no per-frame
/// managed allocation beyond the <see cref="Frame"/> object itself. libjpeg decodes JFIF as full-range YCbCr,
/// which is what the MS2109 sends, so colours need no range correction on this path.
/// </summary>
internal static class JpegCodec
{
    internal static unsafe Frame Decode(ReadOnlySpan<byte> jpeg, string source)
    {
        if (!JpegInfo.TryReadSize(jpeg, out var width, out var height))
        {
            throw new BadFrameException(
                $"Frame from '{source}' is not a JPEG ({jpeg.Length} bytes starting '{Preview(jpeg)}'). " +
                "Check that the source sends MJPEG.");
        }

        if (width > Frame.MaxDimension || height > Frame.MaxDimension)
        {
            throw new BadFrameException(
                $"JPEG frame from '{source}' says it is '{width}x{height}', beyond the {Frame.MaxDimension}x{Frame.MaxDimension} " +
                "limit; it was skipped without decoding. The stream is corrupt or hostile: check the capture device or streamer.");
        }

        VideoNativeResolver.EnsureLoaded();
        var frame = Frame.Allocate(width, height, PixelFormat.Bgr24);
        var view = frame.View();
        fixed (byte* bytes = jpeg)
        {
            if (VideoNative.DecodeInto(bytes, jpeg.Length, &view, frame.Buffer.LongLength) < 0)
            {
                var detail = VideoNative.LastError();
                frame.Dispose();
                throw new BadFrameException(
                    $"Cannot decode a {width}x{height} JPEG frame from '{source}' ({jpeg.Length} bytes): {detail}. " +
                    "The stream may be corrupt.");
            }
        }

        return frame;
    }

    /// <summary>Encodes <paramref name="frame"/> as JPEG into <paramref name="target"/>.</summary>
    internal static unsafe void Encode(Frame frame, int quality, JpegBuffer target)
    {
        VideoNativeResolver.EnsureLoaded();
        while (true)
        {
            var capacity = target.Array.Length;
            var view = frame.View();
            int rc;
            int length;
            fixed (byte* dst = target.Array)
            {
                rc = VideoNative.EncodeJpegInto(&view, quality, dst, capacity, out length, frame.Buffer.LongLength);
            }

            if (rc == VideoNative.BufferTooSmall)
            {
                target.Prepare(length);
                continue;
            }

            if (rc < 0)
            {
                throw new VideoException($"Encoding a {frame.Width}x{frame.Height} frame as JPEG failed: {VideoNative.LastError()}.");
            }

            target.Prepare(length);
            return;
        }
    }

    internal static string Preview(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(8, bytes.Length)];
        return Convert.ToHexString(head);
    }
}
