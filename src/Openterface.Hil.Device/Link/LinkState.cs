namespace Openterface.Hil.Device;

/// <summary>State of the serial link to the CH9329.</summary>
public enum LinkState
{
    Connected,
    Disconnected,
    Closed,
}

/// <summary>Raised when the link drops (port vanished), comes back (possibly on a new path) or is closed.</summary>
public sealed class LinkStateChangedEventArgs : EventArgs
{
    public LinkStateChangedEventArgs(LinkState state, string serialUri, Exception? reason = null)
    {
        State = state;
        SerialUri = serialUri;
        Reason = reason;
    }

    public LinkState State { get; }

    /// <summary>The port in use (after a reconnect, the new path).</summary>
    public string SerialUri { get; }

    public Exception? Reason { get; }
}
