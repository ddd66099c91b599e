namespace Openterface.Hil.Tests.Fakes;

/// <summary>Records step events as text (frames are not kept past the call, as the contract says).</summary>
internal sealed class RecordingListener : IStepListener
{
    public List<StepInfo> Started { get; } = [];

    public List<(StepInfo Step, StepStatus Status, long? FrameSequence, string? Error, List<StepAttachment> Attachments)> Finished { get; } = [];

    public void OnStepStarted(StepInfo step) => Started.Add(step);

    public void OnStepFinished(StepInfo step, StepOutcome outcome) =>
        Finished.Add((step, outcome.Status, outcome.Frame?.Sequence, outcome.Error?.Message, [.. outcome.Attachments]));

    /// <summary>Every string a reporter could see: names, parameters, errors, text attachments.</summary>
    public string AllText() => string.Join('\n', Started.SelectMany(Describe).Concat(Finished.SelectMany(f =>
        Describe(f.Step)
            .Append(f.Error ?? string.Empty)
            .Concat(f.Attachments.Where(a => a.MediaType == "text/plain").Select(a => System.Text.Encoding.UTF8.GetString(a.Content.Span))))));

    private static IEnumerable<string> Describe(StepInfo step) =>
        step.Parameters.Select(p => $"{p.Key}={p.Value}").Prepend(step.Name);
}

/// <summary>A listener that always throws, to prove listener failures never fail a step.</summary>
internal sealed class ThrowingListener : IStepListener
{
    public void OnStepStarted(StepInfo step) => throw new InvalidOperationException("listener broke on start");

    public void OnStepFinished(StepInfo step, StepOutcome outcome) => throw new InvalidOperationException("listener broke on finish");
}
