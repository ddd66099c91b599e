namespace Openterface.Hil.Reporting;

/// <summary>
/// One running test: collects steps (through <see cref="Listener"/>) and attachments, then writes its
/// `{uuid}-result.json` once, when <see cref="Finish"/> is called. Thread-safe.
/// </summary>
internal sealed class AllureTestCase
{
    private readonly AllureResultsWriter writer;
    private readonly TimeProvider timeProvider;
    private bool finished;

    public AllureTestCase(AllureResultsWriter writer, AllureTestDescription description, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.writer = writer;
        this.timeProvider = timeProvider;
        var parameters = description.Parameters.Select(MaskIfSecret).ToList();
        Result = new AllureTestResult
        {
            Uuid = Guid.NewGuid().ToString("D"),
            Name = description.Name,
            FullName = description.FullName,
            Description = description.Description,
            TestCaseId = AllureIds.TestCaseId(description.TestCaseKey),
            HistoryId = AllureIds.HistoryId(description.FullName, description.Parameters),
            Start = timeProvider.GetUtcNow().ToUnixTimeMilliseconds(),
            Stage = AllureStage.Running,
            Labels = [.. description.Labels],
            Links = [.. description.Links],
            Parameters = parameters,
        };
        Listener = new AllureStepListener(this);
    }

    internal Lock Gate { get; } = new();

    internal AllureTestResult Result { get; }

    internal AllureResultsWriter Writer => writer;

    /// <summary>Turns the session's step events into nested Allure steps of this test.</summary>
    public AllureStepListener Listener { get; }

    public bool IsFinished
    {
        get
        {
            lock (Gate)
            {
                return finished;
            }
        }
    }

    /// <summary>Attaches evidence to the test itself (not to a step).</summary>
    public AllureAttachment Attach(string name, string mediaType, string extension, ReadOnlySpan<byte> content)
    {
        var attachment = writer.WriteAttachment(name, mediaType, extension, content);
        lock (Gate)
        {
            Result.Attachments.Add(attachment);
        }

        return attachment;
    }

    public void AddLabel(string name, string value)
    {
        lock (Gate)
        {
            Result.Labels.Add(new AllureLabel(name, value));
        }
    }

    /// <summary>Ends the test: closes steps left open, stamps the stop time and writes the result file.</summary>
    public string Finish(AllureStatus status, string? message = null, string? trace = null, bool flaky = false)
    {
        lock (Gate)
        {
            if (finished)
            {
                throw new InvalidOperationException($"Test '{Result.FullName}' was already finished.");
            }

            finished = true;
            var stop = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            Listener.CloseOpenSteps(stop);
            Result.Status = status;
            Result.Stage = AllureStage.Finished;
            Result.Stop = Math.Max(stop, Result.Start);
            if (message is not null || trace is not null || flaky)
            {
                Result.StatusDetails = new AllureStatusDetails { Message = message, Trace = trace, Flaky = flaky };
            }

            return writer.WriteResult(Result);
        }
    }

    private static AllureParameter MaskIfSecret(AllureParameter parameter) =>
        parameter.Mode == AllureParameterMode.Default
        && !string.Equals(SecretRedactor.Redact(parameter.Value), parameter.Value, StringComparison.Ordinal)
            ? parameter with { Mode = AllureParameterMode.Masked }
            : parameter;
}
