namespace Openterface.Hil.Video;

/// <summary>
/// One frame could not be used (corrupt JPEG, a size beyond <see cref="Imaging.Frame.MaxDimension"/>, a part cut
/// short) but the source itself may deliver good frames next. <see cref="LiveVideo"/> counts, logs and skips such
/// frames; only a stream of nothing but bad frames becomes a rig fault, named by the last reason.
/// </summary>
public sealed class BadFrameException : VideoException
{
    public BadFrameException()
        : base()
    {
    }

    public BadFrameException(string message)
        : base(message, isRigFault: true)
    {
    }

    public BadFrameException(string message, Exception? innerException)
        : base(message, isRigFault: true, innerException)
    {
    }
}
