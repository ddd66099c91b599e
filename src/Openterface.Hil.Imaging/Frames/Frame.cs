using System.Drawing;
using System.Runtime.CompilerServices;
using Openterface.Hil.Imaging.Interop;

namespace Openterface.Hil.Imaging;

/// <summary>
/// One captured picture: 8-bit BGR or grey pixels in a pooled, pinned buffer, with where and when it was captured.
/// Each <see cref="Frame"/> object is one owner of the pixels: <see cref="Share"/> returns a new owner object for
/// the same pixels, and <see cref="Dispose"/> releases this object's ownership once (a second dispose of the same
/// object does nothing, so it can never take another owner's reference). The buffer returns to the pool when the
/// last owner lets go. Pixels are immutable once the frame is published.
/// </summary>
public sealed class Frame : IDisposable
{
    /// <summary>The largest width or height a frame may have (8K); bigger headers are hostile or corrupt.</summary>
    public const int MaxDimension = 8192;

    private readonly PixelStorage _storage;
    private int _disposed;

    private Frame(PixelStorage storage, int width, int height, PixelFormat format)
    {
        _storage = storage;
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

    internal byte[] Buffer => Volatile.Read(ref _disposed) == 0
        ? _storage.Buffer ?? throw new ObjectDisposedException(nameof(Frame))
        : throw new ObjectDisposedException(nameof(Frame));

    internal Span<byte> WritablePixels => Buffer.AsSpan(0, Stride * Height);

    /// <summary>A new frame with uninitialised pixels from the pool.</summary>
    public static Frame Allocate(int width, int height, PixelFormat format)
    {
        if (format is not (PixelFormat.Gray8 or PixelFormat.Bgr24))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Gray8 or Bgr24 expected.");
        }

        var length = CheckedLength(width, height, format);
        return new Frame(new PixelStorage(PixelBufferPool.Rent(length)), width, height, format);
    }

    /// <summary>Copies packed pixels into a new frame.</summary>
    public static Frame FromPixels(ReadOnlySpan<byte> pixels, int width, int height, PixelFormat format)
    {
        var frame = Allocate(width, height, format);
        if (pixels.Length != frame.Stride * height)
        {
            frame.Dispose();
            throw new ArgumentException(
                $"Expected {(long)width * height * (int)format} bytes for {width}x{height} {format}, got {pixels.Length}.",
                nameof(pixels));
        }

        pixels.CopyTo(frame.WritablePixels);
        return frame;
    }

    /// <summary>
    /// A new owner of the same pixels and capture information; the caller disposes it once. Throws
    /// <see cref="ObjectDisposedException"/> when this owner was already disposed.
    /// </summary>
    public Frame Share()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        _storage.AddOwner();
        return new Frame(_storage, Width, Height, Format).WithInfoFrom(this);
    }

    /// <summary>True when both frames own the same pixels (one was shared from the other).</summary>
    internal bool SharesPixelsWith(Frame other) => ReferenceEquals(_storage, other._storage);

    /// <summary>Releases this owner's reference; the second and later calls on the same object do nothing.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _storage.Release();
        }
    }

    /// <summary>Bytes of a packed <paramref name="width"/> x <paramref name="height"/> frame, refusing absurd sizes.</summary>
    internal static int CheckedLength(int width, int height, PixelFormat format)
    {
        if (width <= 0 || height <= 0 || width > MaxDimension || height > MaxDimension)
        {
            throw new ArgumentOutOfRangeException(
                nameof(width),
                $"Frame size '{width}x{height}' is outside 1x1..{MaxDimension}x{MaxDimension}. " +
                "Use a real picture size; a bigger header is corrupt or hostile.");
        }

        return checked(width * height * (int)format);
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
