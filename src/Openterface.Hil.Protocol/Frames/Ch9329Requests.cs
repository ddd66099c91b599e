using System.Text;

namespace Openterface.Hil.Protocol;

/// <summary>Builds every request frame of reference §2.2 (address 00).</summary>
public static class Ch9329Requests
{
    public const int MaxUsbStringLength = 23;

    public static Ch9329Frame GetInfo() => new(Ch9329Command.GetInfo, []);

    public static Ch9329Frame Keyboard(KeyboardReport report)
    {
        Span<byte> data = stackalloc byte[KeyboardReport.Size];
        report.WriteTo(data);
        return new Ch9329Frame(Ch9329Command.SendKeyboard, data);
    }

    /// <summary>Media keys: report id 02 and three bit bytes (LEN 4).</summary>
    public static Ch9329Frame Media(MediaKeys keys) =>
        new(Ch9329Command.SendMedia, [0x02, (byte)keys, (byte)((uint)keys >> 8), (byte)((uint)keys >> 16)]);

    /// <summary>ACPI keys: report id 01 and one bit byte (LEN 2, as WCH-P documents it).</summary>
    public static Ch9329Frame Acpi(AcpiKeys keys) => new(Ch9329Command.SendMedia, [0x01, (byte)keys]);

    /// <summary>Absolute pointer in device units 0..4096, wheel ticks (+ up, - down).</summary>
    public static Ch9329Frame MouseAbsolute(int x, int y, MouseButton buttons = MouseButton.None, sbyte wheel = 0)
    {
        var cx = Math.Clamp(x, 0, AbsolutePointer.Max);
        var cy = Math.Clamp(y, 0, AbsolutePointer.Max);
        return new Ch9329Frame(Ch9329Command.SendMouseAbsolute, [0x02, (byte)buttons, (byte)cx, (byte)(cx >> 8), (byte)cy, (byte)(cy >> 8), (byte)wheel]);
    }

    /// <summary>Relative motion (dy positive = down), wheel ticks (+ up, - down).</summary>
    public static Ch9329Frame MouseRelative(sbyte dx, sbyte dy, MouseButton buttons = MouseButton.None, sbyte wheel = 0) =>
        new(Ch9329Command.SendMouseRelative, [0x01, (byte)buttons, (byte)dx, (byte)dy, (byte)wheel]);

    public static Ch9329Frame CustomHid(ReadOnlySpan<byte> report) => new(Ch9329Command.SendCustomHid, report);

    public static Ch9329Frame GetParameters() => new(Ch9329Command.GetParameters, []);

    public static Ch9329Frame SetParameters(ParameterBlock block) => new(Ch9329Command.SetParameters, block.ToData());

    public static Ch9329Frame GetUsbString(UsbStringKind kind) => new(Ch9329Command.GetUsbString, [(byte)kind]);

    public static Ch9329Frame SetUsbString(UsbStringKind kind, string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        if (bytes.Length > MaxUsbStringLength || text.Any(c => c > 0x7E || c < 0x20))
        {
            throw new ArgumentException($"USB string '{text}' must be printable ASCII of at most {MaxUsbStringLength} characters.", nameof(text));
        }

        var data = new byte[bytes.Length + 2];
        data[0] = (byte)kind;
        data[1] = (byte)bytes.Length;
        bytes.CopyTo(data, 2);
        return new Ch9329Frame(Ch9329Command.SetUsbString, data);
    }

    public static Ch9329Frame SetDefaultConfig() => new(Ch9329Command.SetDefaultConfig, []);

    public static Ch9329Frame Reset() => new(Ch9329Command.Reset, []);

    /// <summary>The 0x17 extension: 00 00 00 00 then 00 host, 01 target.</summary>
    public static Ch9329Frame UsbSwitch(UsbSwitchPosition position) => new(Ch9329Command.UsbSwitch, [0, 0, 0, 0, (byte)position]);

    /// <summary>The 0x17 extension query (last byte 03).</summary>
    public static Ch9329Frame UsbSwitchQuery() => new(Ch9329Command.UsbSwitch, [0, 0, 0, 0, 0x03]);
}
