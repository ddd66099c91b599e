namespace Openterface.Hil;

/// <summary>
/// Stamps the console barrier when any action step starts (key, mouse, USB, power, console write), so console
/// waits never see output from before an action and always see output it caused.
/// </summary>
internal sealed class ConsoleActionMarker : IStepListener
{
    public TargetConsole? Console { get; set; }

    public void OnStepStarted(StepInfo step)
    {
        if (step.Kind == StepKind.Action)
        {
            Console?.MarkAction(step.Name);
        }
    }

    public void OnStepFinished(StepInfo step, StepOutcome outcome)
    {
    }
}
