namespace Openterface.Hil;

/// <summary>
/// How a needle wait ended: the needle of the attempt it passed on (or, when it timed out, of the closest attempt),
/// its score against the threshold, whether it was found, and the size of the frame it was decided on.
/// </summary>
public sealed record NeedleDecision(string Needle, double Score, double Threshold, bool Found, int FrameWidth, int FrameHeight);

/// <summary>
/// Told of every needle decision that ends a wait (<see cref="HilOptions.NeedleObserver"/>); the farm's history uses
/// it. Called on the waiting thread: keep it quick (collect, write later).
/// </summary>
public interface INeedleDecisionObserver
{
    void OnNeedleDecision(NeedleDecision decision);
}
