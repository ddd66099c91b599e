namespace Openterface.Hil.Video;

/// <summary>One buffer from a capture device: JPEG bytes, or BGR pixels when the driver decoded for us.</summary>
internal readonly ref struct RawCaptureFrame(ReadOnlySpan<byte> data, bool isJpeg, int width, int height, int stride)
{
    public ReadOnlySpan<byte> Data { get; } = data;

    public bool IsJpeg { get; } = isJpeg;

    public int Width { get; } = width;

    public int Height { get; } = height;

    public int Stride { get; } = stride;
}

/// <summary>A blocking capture device (the V4L2 node through OpenCV; recorded buffers in tests).</summary>
internal interface IRawCapture : IDisposable
{
    /// <summary>What the device agreed to, for logs and errors.</summary>
    string Describe();

    /// <summary>Blocks for the next buffer; false at the end of the stream (device unplugged).</summary>
    bool TryRead(out RawCaptureFrame frame);
}
