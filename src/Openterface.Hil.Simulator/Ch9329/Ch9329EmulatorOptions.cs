namespace Openterface.Hil.Simulator;

/// <summary>What kind of chip the emulator plays.</summary>
public sealed record Ch9329EmulatorOptions
{
    /// <summary>GET_INFO byte 0: 0x38 = CH9329 V1.8 (gen1); CH32V208 firmware reports 0x02.</summary>
    public byte Version { get; init; } = 0x38;

    /// <summary>Answer the 0x17 USB-switch extension (CH32V208 generations); a real CH9329 answers E3.</summary>
    public bool SupportsUsbSwitchCommand { get; init; }

    /// <summary>Push an unsolicited GET_INFO when the target's LEDs change (seen ~15 ms after, reference §2.4).</summary>
    public bool UnsolicitedInfoOnLedChange { get; init; }

    /// <summary>Baud rate the chip starts at (a factory-fresh CH9329 is at 9600; Openterface ships 115200).</summary>
    public int BaudRate { get; init; } = 115200;

    /// <summary>Model the CH32V208 (CDC-ACM): any host baud works, the baud setting is ignored.</summary>
    public bool IgnoresHostBaud { get; init; }

    public static Ch9329EmulatorOptions Gen1 { get; } = new();

    public static Ch9329EmulatorOptions Gen2 { get; } = new() { Version = 0x02, SupportsUsbSwitchCommand = true, IgnoresHostBaud = true };
}
