using System.Drawing;
using System.Runtime.CompilerServices;
using Openterface.Hil.Imaging.Interop;

namespace Openterface.Hil.Imaging;

/// <summary>
/// One captured picture: 8-bit BGR or grey pixels in a pooled, pinned buffer, with where and when it was captured.
/// A frame is reference counted: <see cref="Share"/> adds an owner, <see cref="Dispose"/> removes one, and the
/// buffer returns to the pool when the last owner lets go. Pixels are immutable once the frame is published.
/// </summary>
public sealed class Frame : IDisposable
{
    private byte[]? _buffer;
    private int _owners = 1;

    private Frame(byte[] buffer, int width, int height, PixelFormat format)
    {
        _buffer = buffer;
        Width = width;
        Height = height;
        Format = format;
        Stride = width * (int)format;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Bytes from one row to the next (rows are packed: width x channels).</summary>
    public int Stride { get; }

    public PixelFormat Format { get; }

    public int Channels => (int)Format;

    public Size Size => new(Width, Height);

    public Rectangle Bounds => new(0, 0, Width, Height);

    /// <summary>Position of this frame in its source's stream, starting at 1; 0 for frames not from a stream.</summary>
    public long Sequence { get; internal set; }

    /// <summary>Monotonic capture time (<see cref="TimeProvider.GetTimestamp"/>) used for barriers and ages.</summary>
    public long Timestamp { get; internal set; }

    /// <summary>Wall-clock capture time, for reports.</summary>
    public DateTimeOffset CapturedAt { get; internal set; }

    /// <summary>The URI or file the frame came from.</summary>
    public string Source { get; internal set; } = string.Empty;

    public ReadOnlySpan<byte> Pixels => Buffer.AsSpan(0, Stride * Height);

    internal byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(Frame));

    internal Span<byte> WritablePixels => Buffer.AsSpan(0, Stride * Height);

    /// <summary>A new frame with uninitialised pixels from the pool.</summary>
    public static Frame Allocate(int width, int height, PixelFormat format)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (format is not (PixelFormat.Gray8 or PixelFormat.Bgr24))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Gray8 or Bgr24 expected.");
        }

        return new Frame(PixelBufferPool.Rent(width * height * (int)format), width, height, format);
    }

    /// <summary>Copies packed pixels into a new frame.</summary>
    public static Frame FromPixels(ReadOnlySpan<byte> pixels, int width, int height, PixelFormat format)
    {
        var frame = Allocate(width, height, format);
        if (pixels.Length != frame.Stride * height)
        {
            frame.Dispose();
            throw new ArgumentException(
                $"Expected {width * height * (int)format} bytes for {width}x{height} {format}, got {pixels.Length}.",
                nameof(pixels));
        }

        pixels.CopyTo(frame.WritablePixels);
        return frame;
    }

    /// <summary>Adds an owner; each owner disposes once.</summary>
    public Frame Share()
    {
        if (Interlocked.Increment(ref _owners) <= 1)
        {
            throw new ObjectDisposedException(nameof(Frame));
        }

        return this;
    }

    public void Dispose()
    {
        if (Interlocked.Decrement(ref _owners) == 0)
        {
            var buffer = Interlocked.Exchange(ref _buffer, null);
            if (buffer is not null)
            {
                PixelBufferPool.Return(buffer);
            }
        }
    }

    /// <summary>Copies capture metadata from another frame (used when deriving crops and conversions).</summary>
    internal Frame WithInfoFrom(Frame other)
    {
        Sequence = other.Sequence;
        Timestamp = other.Timestamp;
        CapturedAt = other.CapturedAt;
        Source = other.Source;
        return this;
    }

    internal void Stamp(long sequence, long timestamp, DateTimeOffset capturedAt, string source)
    {
        Sequence = sequence;
        Timestamp = timestamp;
        CapturedAt = capturedAt;
        Source = source;
    }

    /// <summary>A native view of the whole frame; valid while the frame is alive (the buffer is pinned).</summary>
    internal unsafe HilCvView View() =>
        new((byte*)Unsafe.AsPointer(ref Buffer[0]), Width, Height, Stride, Channels);

    /// <summary>A native view of a region without copying; the region must lie inside the frame.</summary>
    internal unsafe HilCvView View(Rectangle region)
    {
        EnsureInside(region);
        var origin = (byte*)Unsafe.AsPointer(ref Buffer[0]) + (region.Y * Stride) + (region.X * Channels);
        return new HilCvView(origin, region.Width, region.Height, Stride, Channels);
    }

    /// <summary>Throws a clear error when <paramref name="region"/> is empty or reaches outside the frame.</summary>
    public void EnsureInside(Rectangle region)
    {
        if (region.Width <= 0 || region.Height <= 0 || region.X < 0 || region.Y < 0 ||
            region.Right > Width || region.Bottom > Height)
        {
            throw new ArgumentOutOfRangeException(
                nameof(region),
                $"Region '{region.X},{region.Y},{region.Width},{region.Height}' is outside the {Width}x{Height} frame. " +
                "Use a region with positive size inside the frame.");
        }
    }
}
