using System.Text.Json.Nodes;

namespace Openterface.Hil.Simulator;

/// <summary>QMP input-send-event payloads for the USB tablet: absolute axes, relative motion, buttons, wheel.</summary>
internal static class PointerEvents
{
    /// <summary>CH9329 absolute coordinates run 0..4096; QEMU's absolute axes run 0..32767.</summary>
    public const int DeviceMax = 4096;
    public const int QemuMax = 32767;

    private static readonly string[] ButtonNames = ["left", "right", "middle"];

    public static int ToQemu(int value) => (int)Math.Clamp(Math.Round(value * (double)QemuMax / DeviceMax), 0, QemuMax);

    public static JsonArray Absolute(int x, int y) =>
    [
        Axis("abs", "x", ToQemu(x)),
        Axis("abs", "y", ToQemu(y)),
    ];

    public static JsonArray Relative(int dx, int dy) =>
    [
        Axis("rel", "x", dx),
        Axis("rel", "y", dy),
    ];

    /// <summary>Button transitions between two button masks (bit0 left, bit1 right, bit2 middle).</summary>
    public static IEnumerable<JsonArray> Buttons(byte previous, byte current)
    {
        for (var bit = 0; bit < ButtonNames.Length; bit++)
        {
            var mask = 1 << bit;
            if ((previous & mask) != (current & mask))
            {
                yield return [Button(ButtonNames[bit], (current & mask) != 0)];
            }
        }
    }

    /// <summary>Wheel ticks as presses of QEMU's wheel-up/wheel-down buttons (positive = up, away from the user).</summary>
    public static IEnumerable<JsonArray> Wheel(int ticks)
    {
        var name = ticks > 0 ? "wheel-up" : "wheel-down";
        for (var i = 0; i < Math.Abs(ticks); i++)
        {
            yield return [Button(name, true)];
            yield return [Button(name, false)];
        }
    }

    public static JsonArray Key(string name, bool down) =>
    [
        new JsonObject
        {
            ["type"] = "key",
            ["data"] = new JsonObject { ["down"] = down, ["key"] = new JsonObject { ["type"] = "qcode", ["data"] = name } },
        },
    ];

    private static JsonObject Axis(string type, string axis, int value) =>
        new() { ["type"] = type, ["data"] = new JsonObject { ["axis"] = axis, ["value"] = value } };

    private static JsonObject Button(string name, bool down) =>
        new() { ["type"] = "btn", ["data"] = new JsonObject { ["down"] = down, ["button"] = name } };
}
