using System.Drawing;
using System.Text.Json;
using System.Text.Json.Serialization;
using Openterface.Hil.Imaging;

namespace Openterface.Hil.Simulator.Tests.VirtualConsole;

/// <summary>
/// The needles of fixtures/needles/console (openQA format: NAME.png full screenshot + NAME.json with tags and
/// match areas): how to reach each screen from a fresh console target and which cells the needle covers.
/// </summary>
internal static class ConsoleNeedles
{
    public const int CellWidth = 9;
    public const int CellHeight = 16;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static IReadOnlyList<ConsoleNeedle> All { get; } =
    [
        new("console-post", "post", Cells(1, 22, 49, 1), rig => rig.Advance(TimeSpan.FromSeconds(1))),
        new("console-setup-main", "setup", Cells(0, 0, 57, 2), rig => rig.Press(Keys.F2)),
        new("console-setup-boot", "setup", Cells(0, 0, 57, 2), rig => rig.Press(Keys.F2, Keys.Right, Keys.Right)),
        new("console-setup-save-dialog", "setup", Cells(18, 9, 44, 7), rig => rig.Press(Keys.F2, Keys.F10)),
        new("console-boot-menu", "boot-menu", Cells(20, 6, 40, 3), rig => rig.Press(Keys.F12)),
        new("console-boot-menu-usb", "boot-menu", Cells(22, 10, 36, 1), async rig =>
        {
            await rig.Target.SetUsbSwitchAsync(toTarget: true);
            rig.Press(Keys.F12, Keys.Down);
        }),
        new("console-login", "login", Cells(0, 5, 29, 3), rig => rig.FinishPost()),
        new("console-shell-prompt", "shell", Cells(0, 11, 19, 1), rig => rig.BootToShell()),
        new("console-flash-done", "flash", Cells(0, 4, 47, 1), async rig =>
        {
            await rig.Target.SetUsbSwitchAsync(toTarget: true);
            rig.Press(Keys.F12, Keys.Down, Keys.Enter);
            rig.Advance(TimeSpan.FromSeconds(1.5));
        }),
        new("console-pxe", "pxe", Cells(0, 4, 40, 2), rig => rig.Press(Keys.F12, Keys.Down, Keys.Enter)),
    ];

    public static ConsoleNeedle Named(string name) => All.Single(n => n.Name == name);

    /// <summary>fixtures/needles/console in the repository this test runs from.</summary>
    public static string Directory
    {
        get
        {
            for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Openterface.Hil.sln")))
                {
                    return Path.Combine(dir.FullName, "fixtures", "needles", "console");
                }
            }

            throw new InvalidOperationException("Openterface.Hil.sln not found above the test directory; run the tests from the repository.");
        }
    }

    public static string Serialize(ConsoleNeedle needle)
    {
        var file = new NeedleFile([needle.Name], [new NeedleArea(needle.Area.X, needle.Area.Y, needle.Area.Width, needle.Area.Height, "match")]);
        return JsonSerializer.Serialize(file, Json) + "\n";
    }

    public static NeedleFile Read(string path) =>
        JsonSerializer.Deserialize<NeedleFile>(File.ReadAllText(path)) ?? throw new InvalidDataException($"'{path}' is empty.");

    /// <summary>Drives a fresh console target (no cursor blink) to the needle's screen and captures a frame.</summary>
    public static async Task<Frame> CaptureAsync(ConsoleNeedle needle)
    {
        await using var rig = new ConsoleRig();
        await needle.Reach(rig);
        Assert.That(rig.Screen, Is.EqualTo(needle.Screen), $"scenario for '{needle.Name}' reaches its screen");
        return await rig.Target.Display.ReadFrameAsync();
    }

    private static Rectangle Cells(int column, int row, int columns, int rows) =>
        new(column * CellWidth, row * CellHeight, columns * CellWidth, rows * CellHeight);
}

/// <summary>One console needle: its name (also its tag), the screen it belongs to, its area and how to get there.</summary>
internal sealed record ConsoleNeedle(string Name, string Screen, Rectangle Area, Func<ConsoleRig, Task> Reach)
{
    public ConsoleNeedle(string name, string screen, Rectangle area, Action<ConsoleRig> reach)
        : this(name, screen, area, rig =>
        {
            reach(rig);
            return Task.CompletedTask;
        })
    {
    }

    public override string ToString() => Name;
}

internal sealed record NeedleFile(
    [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags,
    [property: JsonPropertyName("area")] IReadOnlyList<NeedleArea> Area);

internal sealed record NeedleArea(
    [property: JsonPropertyName("xpos")] int X,
    [property: JsonPropertyName("ypos")] int Y,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height,
    [property: JsonPropertyName("type")] string Type);
