namespace Openterface.Hil;

/// <summary>
/// Receives every operator action and wait as a step (the reporting seam). Called synchronously on the caller's
/// flow; keep work short. A listener that keeps <see cref="StepOutcome.Frame"/> beyond the call must
/// <see cref="Imaging.Frame.Share"/> it. Listener exceptions are logged and never fail the test.
/// </summary>
public interface IStepListener
{
    void OnStepStarted(StepInfo step);

    void OnStepFinished(StepInfo step, StepOutcome outcome);
}
