using Microsoft.Extensions.Logging;

namespace Openterface.Hil;

/// <summary>Log events of the operator API, category <see cref="Category"/>. Callers pass redacted text only.</summary>
internal static partial class OperatorLog
{
    public const string Category = "Openterface.Hil.Operator";

    [LoggerMessage(1, LogLevel.Information, "{Action}")]
    public static partial void ActionSent(ILogger logger, string action);

    [LoggerMessage(2, LogLevel.Information, "{Wait} passed on frame #{Sequence}")]
    public static partial void WaitPassed(ILogger logger, string wait, long sequence);

    [LoggerMessage(3, LogLevel.Warning, "{Message}")]
    public static partial void WaitFailed(ILogger logger, string message);

    [LoggerMessage(4, LogLevel.Debug, "{Wait}: {Line}")]
    public static partial void WaitProgress(ILogger logger, string wait, string line);

    [LoggerMessage(5, LogLevel.Error, "Rig fault: {Message}")]
    public static partial void RigFault(ILogger logger, string message);

    [LoggerMessage(6, LogLevel.Warning, "Step listener {Listener} failed; the step goes on")]
    public static partial void ListenerFailed(ILogger logger, string listener, Exception exception);

    [LoggerMessage(7, LogLevel.Warning, "Releasing all keys failed")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Information, "HID ready (target enumerated{Proof})")]
    public static partial void HidReady(ILogger logger, string proof);

    [LoggerMessage(9, LogLevel.Information, "Calibrated: frame interval {FrameInterval}, input round trip {RoundTrip}, timeout factor {Factor}")]
    public static partial void Calibrated(ILogger logger, string frameInterval, string roundTrip, string factor);

    [LoggerMessage(10, LogLevel.Information, "Closed-loop typing: {Line}")]
    public static partial void TypingVerify(ILogger logger, string line);
}
