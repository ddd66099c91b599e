using Openterface.Hil.Imaging;
using Openterface.Hil.Video;

namespace Openterface.Hil.Simulator;

/// <summary>How <see cref="MjpegServerFaults"/> change the published frames.</summary>
public sealed partial class MjpegHttpServer
{
    private readonly Dictionary<(int Width, int Height), byte[]> _blackFrames = [];
    private ReadOnlyMemory<byte> _lastServed;

    private ReadOnlyMemory<byte> ApplyFaults(ReadOnlyMemory<byte> jpeg)
    {
        if (Faults.Frozen && !_lastServed.IsEmpty)
        {
            return _lastServed;
        }

        if (Faults.Resolution is { } size && JpegInfo.TryReadSize(jpeg.Span, out var width, out var height) &&
            (width != size.Width || height != size.Height))
        {
            using var decoded = ImageCodec.Decode(jpeg.Span);
            using var resized = decoded.Resize(size.Width, size.Height);
            jpeg = resized.EncodeJpeg(85);
        }

        if (Faults.NoSignal && JpegInfo.TryReadSize(jpeg.Span, out var w, out var h))
        {
            lock (_blackFrames)
            {
                if (!_blackFrames.TryGetValue((w, h), out var black))
                {
                    using var frame = Frame.Allocate(w, h, PixelFormat.Bgr24);
                    frame.WritablePixels.Clear();
                    black = frame.EncodeJpeg(85);
                    _blackFrames[(w, h)] = black;
                }

                jpeg = black;
            }
        }

        _lastServed = jpeg;
        return jpeg;
    }
}
