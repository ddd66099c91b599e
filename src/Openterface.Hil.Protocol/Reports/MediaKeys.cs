namespace Openterface.Hil.Protocol;

/// <summary>Media keys of command 03 report 02 (reference §2.6): byte b2 in bits 0-7, b3 in 8-15, b4 in 16-23.</summary>
[Flags]
public enum MediaKeys : uint
{
    None = 0,
    VolumeUp = 1u << 0,
    VolumeDown = 1u << 1,
    Mute = 1u << 2,
    PlayPause = 1u << 3,
    NextTrack = 1u << 4,
    PreviousTrack = 1u << 5,
    Stop = 1u << 6,
    Eject = 1u << 7,
    Email = 1u << 8,
    WwwSearch = 1u << 9,
    Favorites = 1u << 10,
    WwwHome = 1u << 11,
    WwwBack = 1u << 12,
    WwwForward = 1u << 13,
    WwwStop = 1u << 14,
    Refresh = 1u << 15,
    Media = 1u << 16,
    Explorer = 1u << 17,
    Calculator = 1u << 18,
    ScreenSave = 1u << 19,
    MyComputer = 1u << 20,
    Minimize = 1u << 21,
    Record = 1u << 22,
    Rewind = 1u << 23,
}

/// <summary>ACPI keys of command 03 report 01 (reference §2.6).</summary>
[Flags]
public enum AcpiKeys : byte
{
    None = 0,
    Power = 0x01,
    Sleep = 0x02,
    WakeUp = 0x04,
}
