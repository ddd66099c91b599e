using Openterface.Hil.Imaging;

namespace Openterface.Hil.Video;

/// <summary>A caller of <see cref="LiveVideo.WaitForFrameAsync"/> waiting for a frame newer than <see cref="After"/>.</summary>
internal sealed class FrameWaiter(long after) : TaskCompletionSource<Frame>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    internal long After { get; } = after;

    internal CancellationTokenRegistration Registration { get; set; }

    /// <summary>Hands a shared frame over; disposes the share when the waiter has already given up.</summary>
    internal void Offer(Frame frame)
    {
        var shared = frame.Share();
        if (!TrySetResult(shared))
        {
            shared.Dispose();
        }
    }
}
