namespace Openterface.Hil.Video;

/// <summary>
/// A source whose frames arrive as JPEG: the bytes of the frame last returned stay readable until the next read,
/// so the ring and recorder keep them as they are instead of encoding again.
/// </summary>
internal interface IJpegFrameSource
{
    /// <summary>The JPEG bytes of the last frame read, or empty when that frame was not a JPEG.</summary>
    ReadOnlySpan<byte> LastJpeg { get; }
}
