namespace Openterface.Hil.Simulator;

/// <summary>
/// What the host's DTR and RTS lines do on the board (reference §1.2). A transport that models a real tty calls
/// <see cref="HostOpened"/> (Linux raises both lines inside open() unless the port was left at B0),
/// <see cref="SetModemLines"/> on every TIOCMSET and <see cref="HostClosed"/> on close.
/// </summary>
public sealed partial class Ch9329Emulator
{
    private long? _rtsAssertedAt;

    /// <summary>Whether the switchable USB-A port has power (gen1: DTR asserted cuts its ground).</summary>
    public bool UsbPortPowered { get; private set; } = true;

    /// <summary>How many times the USB-A port lost power (each one browns out a stick plugged into it).</summary>
    public int UsbPortPowerCuts { get; private set; }

    /// <summary>Factory resets caused by the RTS line.</summary>
    public int RtsFactoryResets { get; private set; }

    /// <summary>The lines as the host drives them now.</summary>
    public (bool Dtr, bool Rts) HostLines { get; private set; }

    /// <summary>The host leaves its termios at B0 on close, so the next open does not raise the lines.</summary>
    public bool HostLeftAtB0 { get; set; }

    public void HostOpened()
    {
        if (!HostLeftAtB0)
        {
            SetModemLines(dtr: true, rts: true);
        }
    }

    public void HostClosed(bool leftAtB0)
    {
        SetModemLines(dtr: false, rts: false);
        HostLeftAtB0 = leftAtB0;
    }

    public void SetModemLines(bool dtr, bool rts)
    {
        HostLines = (dtr, rts);
        if (Options.DtrCutsUsbPort)
        {
            if (dtr && UsbPortPowered)
            {
                UsbPortPowerCuts++;
            }

            UsbPortPowered = !dtr;
        }

        if (!Options.RtsFactoryReset)
        {
            return;
        }

        var now = Options.TimeProvider.GetTimestamp();
        if (rts)
        {
            _rtsAssertedAt ??= now;
            return;
        }

        if (_rtsAssertedAt is { } since && Options.TimeProvider.GetElapsedTime(since, now) >= TimeSpan.FromSeconds(3))
        {
            RtsFactoryResets++;
            if (Options.HasParameterBlock)
            {
                Parameters = Protocol.ParameterBlock.FactoryDefault;
                _pending = Parameters;
            }

            Faults.Zombie = false;
        }

        _rtsAssertedAt = null;
    }
}
