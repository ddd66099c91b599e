using System.Drawing;
using Openterface.Hil.Imaging.Fonts;

namespace Openterface.Hil.Imaging.Tests.Matching.Corpus;

/// <summary>
/// What the matching corpus contains: screen states, needles recorded from some of them, and for every
/// (state, needle) pair where the needle's first match area must be found (null: must not be found).
/// </summary>
internal static class CorpusSpec
{
    internal static readonly Point ShiftB = new(37, 23);
    internal static readonly Point ShiftC = new(-300, 200);
    internal static readonly Point DesktopShift = new(300, 150);

    internal sealed record NeedleSpec(string Name, string State, string[] Tags, (Rectangle Bounds, NeedleAreaType Type)[] Areas);

    internal sealed record CaseSpec(string State, string Needle, Point? Expected, string Why);

    internal static Dictionary<string, Func<Frame>> States()
    {
        var vga = PsfFont.Load("Lat15-VGA16");
        var fonts = GuiScenes.Fonts.Load();
        var a = GuiScenes.DialogA;
        return new Dictionary<string, Func<Frame>>(StringComparer.Ordinal)
        {
            ["bios-a"] = () => TextScenes.Bios(vga, 0),
            ["bios-b"] = () => TextScenes.Bios(vga, 2),
            ["grub-a"] = () => TextScenes.Grub(vga, 0),
            ["grub-b"] = () => TextScenes.Grub(vga, 1),
            ["console-a"] = () => TextScenes.Console(vga, failed: true, scroll: 0),
            ["console-b"] = () => TextScenes.Console(vga, failed: false, scroll: 2),
            ["installer-a"] = () => GuiScenes.Installer(fonts, a, "10:42", GuiScenes.Blue),
            ["installer-b"] = () => GuiScenes.Installer(fonts, Shift(a, ShiftB), "10:57", GuiScenes.Green),
            ["installer-c"] = () => GuiScenes.Installer(fonts, Shift(a, ShiftC), "11:03", GuiScenes.Blue),
            ["desktop-a"] = () => GuiScenes.Desktop(fonts, Point.Empty),
            ["desktop-b"] = () => GuiScenes.Desktop(fonts, DesktopShift),
        };
    }

    internal static IReadOnlyList<NeedleSpec> Needles()
    {
        var d = GuiScenes.DialogA;
        var button = GuiScenes.InstallButton;
        return
        [
            Match("bios-title", "bios-a", new Rectangle(216, 0, 279, 32), "bios"),
            Match("bios-selected", "bios-a", new Rectangle(18, 64, 360, 16), "bios-boot-order"),
            Match("bios-enabled", "bios-a", TextScenes.BiosValue(2), "bios-enabled"),
            Match("bios-footer", "bios-a", new Rectangle(18, 384, 450, 16), "bios"),
            Match("grub-entry", "grub-a", new Rectangle(18, 48, 684, 32), "grub", "grub-first-entry"),
            Match("grub-help", "grub-a", new Rectangle(45, 256, 560, 48), "grub"),
            Match("console-login", "console-a", new Rectangle(0, 720, 256, 48), "login"),
            Match("console-failed", "console-a", new Rectangle(0, 320, 200, 16), "boot-failure"),
            Match("console-ok", "console-a", new Rectangle(0, 160, 64, 16), "boot-ok"),
            Match("inst-title", "installer-a", new Rectangle(d.X, d.Y, 480, 56), "installer"),
            Match("inst-install-blue", "installer-a", new Rectangle(d.X + button.X, d.Y + button.Y, 200, 60), "install-button"),
            Match("inst-language-small", "installer-a", new Rectangle(d.X + 28, d.Y + 74, 64, 32), "installer-language"),
            Match("inst-dialog-large", "installer-a", new Rectangle(d.X + 20, d.Y + 70, 400, 300), "installer-language"),
            new NeedleSpec("inst-panel", "installer-a", ["panel"],
                [(new Rectangle(1600, 0, 320, 40), NeedleAreaType.Match), (new Rectangle(1676, 4, 60, 32), NeedleAreaType.Exclude)]),
            Match("inst-install-green", "installer-b", Shift(new Rectangle(d.X + button.X, d.Y + button.Y, 200, 60), ShiftB), "install-button-green"),
            Match("desk-folder", "desktop-a", new Rectangle(370, 225, 100, 110), "desktop-folder"),
            Match("desk-trash", "desktop-a", new Rectangle(90, 695, 100, 110), "desktop-trash"),
        ];
    }

    internal static IReadOnlyList<CaseSpec> Cases()
    {
        var needles = Needles().ToDictionary(n => n.Name);
        Point At(string needle) => needles[needle].Areas[0].Bounds.Location;
        Point Moved(string needle, Point shift) => Shift(At(needle), shift);
        var cases = new List<CaseSpec>();
        void Add(string state, string needle, Point? expected, string why) => cases.Add(new CaseSpec(state, needle, expected, why));

        foreach (var n in new[] { "bios-title", "bios-selected", "bios-enabled", "bios-footer" })
        {
            Add("bios-a", n, At(n), "recorded screen");
        }

        Add("bios-b", "bios-title", At("bios-title"), "unchanged title");
        Add("bios-b", "bios-selected", null, "highlight moved to another item");
        Add("bios-b", "bios-enabled", TextScenes.BiosValue(1).Location, "recorded '[Enabled]' now highlighted: the nearest plain one wins");
        Add("bios-b", "bios-footer", At("bios-footer"), "unchanged footer");
        Add("grub-a", "grub-entry", At("grub-entry"), "recorded screen");
        Add("grub-a", "grub-help", At("grub-help"), "recorded screen");
        Add("grub-b", "grub-entry", null, "first entry no longer highlighted");
        Add("grub-b", "grub-help", At("grub-help"), "unchanged help");
        foreach (var n in new[] { "console-login", "console-failed", "console-ok" })
        {
            Add("console-a", n, At(n), "recorded screen");
        }

        Add("console-b", "console-login", At("console-login"), "prompt stays at the bottom");
        Add("console-b", "console-failed", null, "no failed unit");
        Add("console-b", "console-ok", At("console-ok"), "repeated tag: the one at the recorded row wins");
        foreach (var n in new[] { "inst-title", "inst-install-blue", "inst-language-small", "inst-dialog-large", "inst-panel" })
        {
            Add("installer-a", n, At(n), "recorded screen");
            Add("installer-c", n, n == "inst-panel" ? At(n) : Moved(n, ShiftC), "dialog moved beyond the margin");
            Add("installer-b", n, n == "inst-panel" ? At(n) : n == "inst-install-blue" ? null : Moved(n, ShiftB),
                n == "inst-install-blue" ? "same button in green" : "dialog moved a little, clock changed");
        }

        Add("installer-a", "inst-install-green", null, "same button in blue");
        Add("installer-b", "inst-install-green", At("inst-install-green"), "recorded screen");
        Add("installer-c", "inst-install-green", null, "only a blue button");
        Add("desktop-a", "desk-folder", At("desk-folder"), "recorded screen, 24 identical icons");
        Add("desktop-a", "desk-trash", At("desk-trash"), "recorded screen");
        var folderOffset = new Point(At("desk-folder").X - 360, At("desk-folder").Y - 230);
        var nearest = GuiScenes.FolderIcons(DesktopShift).MinBy(p => Math.Pow(p.X - 360, 2) + Math.Pow(p.Y - 230, 2));
        Add("desktop-b", "desk-folder", Shift(nearest, folderOffset), "icons moved: the folder nearest the recorded position wins");
        Add("desktop-b", "desk-trash", Moved("desk-trash", DesktopShift), "icons moved beyond the margin");
        return cases;
    }

    private static NeedleSpec Match(string name, string state, Rectangle bounds, params string[] tags) =>
        new(name, state, tags, [(bounds, NeedleAreaType.Match)]);

    private static Point Shift(Point p, Point by) => new(p.X + by.X, p.Y + by.Y);

    private static Rectangle Shift(Rectangle r, Point by) => r with { X = r.X + by.X, Y = r.Y + by.Y };
}
