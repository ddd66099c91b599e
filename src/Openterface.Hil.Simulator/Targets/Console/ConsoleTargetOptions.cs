using System.Drawing;

namespace Openterface.Hil.Simulator;

/// <summary>How the console target behaves: timings, frame rate, capture size, cursor and login. Defaults mimic a PC.</summary>
public sealed class ConsoleTargetOptions
{
    /// <summary>How long the POST screen stays before the first boot device boots (F2/Del/F12 work meanwhile).</summary>
    public TimeSpan PostDuration { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Frames per second the display delivers.</summary>
    public double FramesPerSecond { get; set; } = 30;

    /// <summary>
    /// Size of the delivered frames, e.g. 1920x1080 to mimic a capture card scaling the 720x400 text mode;
    /// null delivers the native 720x400.
    /// </summary>
    public Size? OutputSize { get; set; }

    /// <summary>Whether the OS console's cursor blinks (false: a steady cursor, so a still screen stays still).</summary>
    public bool BlinkingCursor { get; set; } = true;

    /// <summary>How long the blinking cursor stays on, then off.</summary>
    public TimeSpan CursorBlinkInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long the USB flasher takes to write the image.</summary>
    public TimeSpan FlashDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the flasher shows "done, version X" before it reboots.</summary>
    public TimeSpan FlashRebootDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether the target is powered on (showing POST) as soon as it is created.</summary>
    public bool StartPoweredOn { get; set; } = true;

    /// <summary>The OS login that works ("root" / "hil").</summary>
    public string Username { get; set; } = "root";

    public string Password { get; set; } = "hil";

    /// <summary>The console font (a name in /usr/share/consolefonts or a path); 8x16 fonts give VGA's 720x400.</summary>
    public string FontName { get; set; } = "Lat15-VGA16";

    internal void Validate()
    {
        if (!(FramesPerSecond > 0 && FramesPerSecond <= 1000))
        {
            throw new ArgumentOutOfRangeException(nameof(FramesPerSecond), FramesPerSecond, "Use a frame rate between 0 and 1000, e.g. 30.");
        }

        if (OutputSize is { } size && (size.Width <= 0 || size.Height <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(OutputSize), size, "Use a positive size such as 1920x1080, or null for 720x400.");
        }

        if (PostDuration < TimeSpan.Zero || FlashDuration < TimeSpan.Zero || FlashRebootDelay < TimeSpan.Zero || CursorBlinkInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(PostDuration), "Durations must not be negative (the blink interval must be positive).");
        }
    }
}
