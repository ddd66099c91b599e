using Microsoft.Extensions.Logging;
using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>
/// Wraps every action and wait in a step: notifies listeners (catching and logging their failures), nests steps
/// through an async-local parent, redacts names and parameters, and reports the frame the step ended on.
/// </summary>
internal sealed class StepRunner
{
    private readonly IReadOnlyList<IStepListener> _listeners;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SessionSecrets _redactor;
    private readonly Func<Frame?> _latestFrame;
    private readonly SecretWindow _secretWindow;
    private readonly FailurePause? _pause;
    private readonly AsyncLocal<long?> _current = new();
    private long _nextId;

    public StepRunner(IReadOnlyList<IStepListener> listeners, TimeProvider time, ILogger logger, SessionSecrets redactor, Func<Frame?> latestFrame, SecretWindow secretWindow, FailurePause? pause = null)
    {
        _pause = pause;
        _secretWindow = secretWindow;
        _listeners = listeners;
        _time = time;
        _logger = logger;
        _redactor = redactor;
        _latestFrame = latestFrame;
    }

    public async Task<T> RunAsync<T>(string name, StepKind kind, IReadOnlyDictionary<string, string> parameters, Func<StepContext, Task<T>> body)
    {
        var parent = _current.Value;
        var redacted = parameters.ToDictionary(p => p.Key, p => _redactor.Redact(p.Value));
        var step = new StepInfo(Interlocked.Increment(ref _nextId), parent, _redactor.Redact(name), kind, redacted, _time.GetUtcNow());
        Notify(l => l.OnStepStarted(step));
        var context = new StepContext();
        _current.Value = step.Id;
        try
        {
            var result = await body(context).ConfigureAwait(false);
            Finish(step, context, StepStatus.Passed, null);
            return result;
        }
        catch (Exception e)
        {
            if (e is ExpectationFailedException failed)
            {
                context.Attachments.AddRange(failed.Attachments);
            }

            Finish(step, context, Classify(e), e);
            if (parent is null && _pause is not null && e is not OperationCanceledException)
            {
                await PauseAsync(step).ConfigureAwait(false);
            }

            throw;
        }
        finally
        {
            _current.Value = parent;
            context.Dispose();
        }
    }

    public Task RunAsync(string name, StepKind kind, IReadOnlyDictionary<string, string> parameters, Func<StepContext, Task> body) =>
        RunAsync<bool>(name, kind, parameters, async context =>
        {
            await body(context).ConfigureAwait(false);
            return true;
        });

    /// <summary>Pauses after a failed top-level step (the rig is still alive); no screenshot while a secret may be on screen.</summary>
    private async Task PauseAsync(StepInfo step)
    {
        using var frame = _secretWindow.IsOpen ? null : _latestFrame();
        await _pause!.PauseAsync(step.Name, frame, CancellationToken.None).ConfigureAwait(false);
    }

    private static StepStatus Classify(Exception e) => e switch
    {
        ExpectationFailedException => StepStatus.Failed,
        _ => StepStatus.Broken,
    };

    private void Finish(StepInfo step, StepContext context, StepStatus status, Exception? error)
    {
        using var ended = context.TakeFrame() ?? _latestFrame();
        if (ended is not null && (_secretWindow.IsOpen || _secretWindow.Covers(ended.Timestamp)))
        {
            // A secret may be on screen: the step shows a grey placeholder and says why.
            using var placeholder = SecretPlaceholder.For(ended);
            context.AttachText(SecretPlaceholder.AttachmentName, SecretPlaceholder.Reason);
            Notify(l => l.OnStepFinished(step, new StepOutcome(status, _time.GetUtcNow(), error, placeholder, [.. context.Attachments]) { KnownIssue = context.KnownIssue }));
            return;
        }

        var outcome = new StepOutcome(status, _time.GetUtcNow(), error, ended, [.. context.Attachments]) { KnownIssue = context.KnownIssue };
        Notify(l => l.OnStepFinished(step, outcome));
    }

    private void Notify(Action<IStepListener> call)
    {
        foreach (var listener in _listeners)
        {
            try
            {
                call(listener);
            }
#pragma warning disable CA1031 // A listener's failure must never fail the test (Serilog's self-log rule).
            catch (Exception e)
#pragma warning restore CA1031
            {
                OperatorLog.ListenerFailed(_logger, listener.GetType().Name, e);
            }
        }
    }
}

/// <summary>What a running step collects: the frame it ended on and its attachments.</summary>
internal sealed class StepContext : IDisposable
{
    private Frame? _frame;

    public List<StepAttachment> Attachments { get; } = [];

    /// <summary>Sets the frame the step ended on (the context takes a share of it).</summary>
    public void EndedOn(Frame frame)
    {
        var shared = frame.Share();
        Interlocked.Exchange(ref _frame, shared)?.Dispose();
    }

    /// <summary>A matched needle's "workaround" property: the step passed on a known issue.</summary>
    public string? KnownIssue { get; private set; }

    /// <summary>Notes which needle matched; a "workaround" needle makes the step a known issue (attached as text too).</summary>
    public void NoteMatch(MatchResult? match, VisionContext vision)
    {
        if (vision.Workaround(match) is { } workaround)
        {
            KnownIssue = workaround;
            AttachText("known issue", workaround);
        }
    }

    public void AttachText(string name, string text) =>
        Attachments.Add(new StepAttachment(name, "text/plain", "txt", System.Text.Encoding.UTF8.GetBytes(text)));

    public Frame? TakeFrame() => Interlocked.Exchange(ref _frame, null);

    public void Dispose() => Interlocked.Exchange(ref _frame, null)?.Dispose();
}
