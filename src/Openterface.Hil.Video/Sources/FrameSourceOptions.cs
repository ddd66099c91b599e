using Microsoft.Extensions.Logging;

namespace Openterface.Hil.Video;

/// <summary>How <see cref="FrameSources.OpenAsync"/> opens a capture URI. Every property has a working default.</summary>
public sealed class FrameSourceOptions
{
    /// <summary>Clock for frame timestamps, replay pacing and reconnect backoff.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>V4L2: requested MJPEG size and rate (the MS2109 default is 1920x1080 at 30 fps).</summary>
    public int Width { get; init; } = 1920;

    public int Height { get; init; } = 1080;

    public int FramesPerSecond { get; init; } = 30;

    /// <summary>V4L2: frames thrown away after opening (the first ones can be stale).</summary>
    public int WarmUpFrames { get; init; } = 5;

    /// <summary>file://: replay rate, unless the URI says <c>?fps=N</c>.</summary>
    public double ReplayFramesPerSecond { get; init; } = 30;

    /// <summary>file://: start again after the last frame, unless the URI says <c>?loop=false</c>.</summary>
    public bool Loop { get; init; } = true;

    /// <summary>http://: how long to keep reconnecting after the stream drops before reporting the source lost.</summary>
    public TimeSpan ReconnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// http://: a connect or frame read that receives no byte for this long is a stall: the connection is dropped
    /// and the read fails naming it (the next read reconnects). Streamers send frames continuously (ustreamer at
    /// least one a second even with --drop-same-frames), so silence this long means the streamer is stuck.
    /// </summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>http://: first delay between reconnect attempts (doubles up to 1 s).</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>auto and /dev/videoN: where sysfs and device nodes live (tests point these at a fake tree).</summary>
    public string SysfsRoot { get; init; } = "/sys";

    public string DeviceRoot { get; init; } = "/dev";
}
