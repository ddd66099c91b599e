using Openterface.Hil.Imaging;

namespace Openterface.Hil.Reporting;

/// <summary>
/// Turns operator step events into nested Allure steps of one test: each step gets its status, timings, parameters,
/// the screenshot it ended on (JPEG) and its evidence (match overlay, diff, call log, video). Subscribe it to a
/// session; one listener per test. Thread-safe.
/// </summary>
public sealed class AllureStepListener : IStepListener
{
    internal const int ScreenshotJpegQuality = 80;

    private readonly AllureTestCase test;
    private readonly Dictionary<long, AllureStepResult> open = [];

    internal AllureStepListener(AllureTestCase test)
    {
        this.test = test;
    }

    public void OnStepStarted(StepInfo step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var result = new AllureStepResult
        {
            Name = step.Name,
            Stage = AllureStage.Running,
            Start = step.StartedAt.ToUnixTimeMilliseconds(),
            Parameters = [.. step.Parameters.Select(p => new AllureParameter(p.Key, p.Value))],
        };
        lock (test.Gate)
        {
            var parent = step.ParentId is { } parentId && open.TryGetValue(parentId, out var found)
                ? found.Steps
                : test.Result.Steps;
            parent.Add(result);
            open[step.Id] = result;
        }
    }

    public void OnStepFinished(StepInfo step, StepOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(outcome);
        var attachments = new List<AllureAttachment>();
        if (outcome.Frame is { } frame)
        {
            attachments.Add(test.Writer.WriteAttachment("Screenshot", "image/jpeg", "jpg", frame.EncodeJpeg(ScreenshotJpegQuality)));
        }

        foreach (var evidence in outcome.Attachments)
        {
            attachments.Add(test.Writer.WriteAttachment(evidence.Name, evidence.MediaType, evidence.FileExtension, evidence.Content.Span));
        }

        lock (test.Gate)
        {
            if (!open.Remove(step.Id, out var result))
            {
                // A step that never started (or finished twice): record it flat so nothing is lost.
                result = new AllureStepResult { Name = step.Name, Start = step.StartedAt.ToUnixTimeMilliseconds() };
                test.Result.Steps.Add(result);
            }

            result.Stop = Math.Max(outcome.FinishedAt.ToUnixTimeMilliseconds(), result.Start);
            result.Stage = AllureStage.Finished;
            result.Status = outcome.Status switch
            {
                StepStatus.Passed => AllureStatus.Passed,
                StepStatus.Failed => AllureStatus.Failed,
                _ => AllureStatus.Broken,
            };
            if (outcome.Error is { } error)
            {
                result.StatusDetails = new AllureStatusDetails { Message = error.Message, Trace = error.ToString() };
            }

            result.Attachments.AddRange(attachments);
        }
    }

    /// <summary>Called under the test's gate when the test ends: steps still running are marked broken.</summary>
    internal void CloseOpenSteps(long stop)
    {
        foreach (var step in open.Values)
        {
            step.Stage = AllureStage.Interrupted;
            step.Status = AllureStatus.Broken;
            step.Stop = Math.Max(stop, step.Start);
            step.StatusDetails ??= new AllureStatusDetails { Message = "The step had not finished when the test ended." };
        }

        open.Clear();
    }
}
