namespace Openterface.Hil.Protocol;

/// <summary>CH9329 command codes (reference §2.2, WCH-P §2.2). A success reply carries code | 0x80, an error reply code | 0xC0.</summary>
public enum Ch9329Command : byte
{
    /// <summary>§2.2/§2.4: chip version, target USB enumeration, lock LEDs.</summary>
    GetInfo = 0x01,

    /// <summary>§2.5: 8-byte keyboard report (modifiers, 00, six usages).</summary>
    SendKeyboard = 0x02,

    /// <summary>§2.6: media (report 02) and ACPI (report 01) keys.</summary>
    SendMedia = 0x03,

    /// <summary>§2.7: absolute mouse, 0..4096.</summary>
    SendMouseAbsolute = 0x04,

    /// <summary>§2.8: relative mouse.</summary>
    SendMouseRelative = 0x05,

    /// <summary>§2.9: raw custom-HID report to the target (working mode 3).</summary>
    SendCustomHid = 0x06,

    /// <summary>§2.9: unsolicited, chip to host: data the target sent to the custom-HID interface.</summary>
    ReadCustomHid = 0x87,

    /// <summary>§2.10: read the 50-byte parameter block.</summary>
    GetParameters = 0x08,

    /// <summary>§2.10: write the 50-byte parameter block (effective after reset).</summary>
    SetParameters = 0x09,

    /// <summary>§2.11: read a USB string descriptor.</summary>
    GetUsbString = 0x0A,

    /// <summary>§2.11: write a USB string descriptor.</summary>
    SetUsbString = 0x0B,

    /// <summary>§2.12: restore factory parameters and strings.</summary>
    SetDefaultConfig = 0x0C,

    /// <summary>§2.12: software reset.</summary>
    Reset = 0x0F,

    /// <summary>§2.2/§5.2: Openterface extension (CH32V208 firmware): USB-A switch direction.</summary>
    UsbSwitch = 0x17,
}
