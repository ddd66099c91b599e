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

    /// <summary>
    /// The CH9329's 50-byte parameter block and its commands (GET/SET_PARA_CFG, SET_DEFAULT_CFG, RESET). The CH32V208
    /// firmware builds none of them (Openterface_QT serial/chipstrategy/CH32V208Strategy.cpp); this emulator answers
    /// them with E3 (unknown command). ⚠️ Whether the real one answers E3 or stays silent is not confirmed.
    /// </summary>
    public bool HasParameterBlock { get; init; } = true;

    /// <summary>
    /// Gen1 board wiring (v1.9 schematic, reference §1.2): CH340 DTR asserted cuts the switchable USB-A port's ground;
    /// RTS held 3 s then released factory-resets the CH9329 (DEF pin). The CH32V208 ignores DTR.
    /// </summary>
    public bool DtrCutsUsbPort { get; init; } = true;

    /// <summary>RTS asserted at least 3 s and then released restores the factory configuration.</summary>
    public bool RtsFactoryReset { get; init; } = true;

    /// <summary>Clock for the RTS hold time.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>CH340 + CH9329 on a v1.9 board (gen1).</summary>
    public static Ch9329EmulatorOptions Gen1 { get; } = new();

    /// <summary>
    /// CH32V208 (1A86:FE0C, current Mini-KVM and KVM-GO): CDC-ACM so any host baud works, GET_INFO byte 0 = 0x02 as the
    /// real firmware reports it (issue QT#581), 0x17 switch, no parameter block, DTR ignored, RTS = factory reset.
    /// </summary>
    public static Ch9329EmulatorOptions Gen2 { get; } = Ch32V208;

    /// <summary>The CH32V208 personality (see <see cref="Gen2"/>).</summary>
    public static Ch9329EmulatorOptions Ch32V208 => new()
    {
        Version = 0x02,
        SupportsUsbSwitchCommand = true,
        IgnoresHostBaud = true,
        HasParameterBlock = false,
        DtrCutsUsbPort = false,
    };
}
