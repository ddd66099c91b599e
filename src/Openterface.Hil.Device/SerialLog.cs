using Microsoft.Extensions.Logging;

namespace Openterface.Hil.Device;

/// <summary>Source-generated log messages, category Openterface.Hil.Serial.</summary>
internal static partial class SerialLog
{
    internal const string Category = "Openterface.Hil.Serial";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Serial port {Path} vanished: {Reason}")]
    internal static partial void PortVanished(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to CH9329 on {Path} at {Baud} baud (chip version {Version}, target enumerated {Enumerated})")]
    internal static partial void Connected(ILogger logger, string path, int baud, string version, bool enumerated);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Direction} {Hex}")]
    internal static partial void Traffic(ILogger logger, string direction, string hex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Garbage on {Path}: {Reason}")]
    internal static partial void Garbage(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retrying {Command} on {Path} (attempt {Attempt}): {Reason}")]
    internal static partial void Retrying(ILogger logger, string command, string path, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconnected to {Path}")]
    internal static partial void Reconnected(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unsolicited frame {Hex}")]
    internal static partial void Unsolicited(ILogger logger, string hex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release all keys on {Path}: {Reason}")]
    internal static partial void ReleaseFailed(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Typing {Count} characters with layout {Layout}")]
    internal static partial void Typing(ILogger logger, int count, string layout);
}
