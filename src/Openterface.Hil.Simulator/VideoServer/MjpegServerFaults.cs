using System.Drawing;

namespace Openterface.Hil.Simulator;

/// <summary>
/// Capture-side faults the video server can inject, for tests of signal-health detection and error handling.
/// Changes apply to the next published frame.
/// </summary>
public sealed class MjpegServerFaults
{
    private readonly MjpegHttpServer _server;

    internal MjpegServerFaults(MjpegHttpServer server) => _server = server;

    /// <summary>Keep serving the last frame at the normal rate (a frozen capture chip).</summary>
    public bool Frozen { get; set; }

    /// <summary>Serve black frames at the current size (no HDMI signal).</summary>
    public bool NoSignal { get; set; }

    /// <summary>Scale every frame to this size (the target switched video mode); null serves frames as published.</summary>
    public Size? Resolution { get; set; }

    /// <summary>Send parts whose body is not a JPEG.</summary>
    public bool Garbage { get; set; }

    /// <summary>Close every open stream connection now (clients see the stream drop and reconnect).</summary>
    public void DropConnections() => _server.DropConnections();
}
