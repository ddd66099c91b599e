using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>
/// What every feature of a session shares and none owns: the options, the clock, the log, redaction of typed secrets,
/// the secret window, the step runner and the calibrated timeout factor. The features (<see cref="ScreenService"/>,
/// <see cref="RigActions"/>) and the public nouns take this, never a bag of rig parts.
/// </summary>
internal sealed class SessionContext
{
    private double _timeoutFactor = 1.0;

    public SessionContext(HilOptions options, Func<Frame?> latestFrame)
    {
        Options = options;
        Time = options.TimeProvider;
        Logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger(OperatorLog.Category);
        Redactor = new SessionSecrets();
        SecretWindow = new SecretWindow(Time);
        Steps = new StepRunner(options.StepListeners, Time, Logger, Redactor, latestFrame, SecretWindow,
            FailurePause.ForProcess(options));
    }

    public HilOptions Options { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public SessionSecrets Redactor { get; }

    /// <summary>When a typed secret may be on screen (no screenshots, no video).</summary>
    public SecretWindow SecretWindow { get; }

    public StepRunner Steps { get; }

    public double TimeoutFactor
    {
        get => Volatile.Read(ref _timeoutFactor);
        set => Volatile.Write(ref _timeoutFactor, value);
    }

    /// <summary>Whether typed text (never secrets) may be logged: sensitive logging on and Information enabled.</summary>
    public bool LogSensitive => Options.SensitiveLogging && Logger.IsEnabled(LogLevel.Information);

    /// <summary>Per call as is; otherwise session, global, built-in, scaled by the calibrated factor.</summary>
    public TimeSpan Timeout(TimeSpan? perCall, Func<TimeoutSettings, TimeSpan?> pick)
    {
        if (perCall is { } explicitValue)
        {
            return explicitValue;
        }

        var inherited = pick(Options.Timeouts) ?? pick(TimeoutSettings.Global) ?? pick(TimeoutSettings.BuiltIn)!.Value;
        return TimeSpan.FromMilliseconds(Math.Round(inherited.TotalMilliseconds * TimeoutFactor));
    }

    /// <summary>
    /// How long an expectation waits: per call, else <see cref="HilOptions.Timeouts"/>' Expect or
    /// <see cref="HilOptions.Expect"/>'s Timeout, else the global and built-in settings; screen and console alike.
    /// </summary>
    public TimeSpan ExpectTimeout(TimeSpan? perCall) =>
        Timeout(perCall, t => ReferenceEquals(t, Options.Timeouts) ? t.Expect ?? Options.Expect.Timeout : t.Expect);

    public string Redact(string text) => Redactor.Redact(text);
}
