using System.Drawing;
using Openterface.Hil.Imaging.Fonts;

namespace Openterface.Hil.Imaging.Tests.Matching.Corpus;

/// <summary>1920x1080 graphical screens: an installer dialog with coloured buttons and a desktop with repeated icons.</summary>
internal static class GuiScenes
{
    internal static readonly Color Blue = Color.FromArgb(30, 60, 200);
    internal static readonly Color Green = Color.FromArgb(40, 170, 50);

    /// <summary>The dialog's top-left corner in state A.</summary>
    internal static readonly Point DialogA = new(560, 240);

    /// <summary>Where the install button sits inside the dialog.</summary>
    internal static readonly Rectangle InstallButton = new(560, 470, 200, 60);

    /// <summary>
    /// Installer: top panel with a clock, a dialog at <paramref name="dialog"/> with title, text, options and buttons
    /// (the install button <paramref name="installColour"/>).
    /// </summary>
    internal static Frame Installer(Fonts fonts, Point dialog, string clock, Color installColour)
    {
        using var canvas = new Canvas(1920, 1080);
        canvas.Gradient(new Rectangle(0, 0, 1920, 1080), Color.FromArgb(40, 60, 90), Color.FromArgb(20, 25, 40));
        canvas.Fill(new Rectangle(0, 0, 1920, 40), Color.FromArgb(20, 20, 20));
        canvas.Text(fonts.Medium, 16, 9, "Activities", Color.FromArgb(230, 230, 230));
        canvas.Text(fonts.Medium, 1640, 9, "Wed " + clock, Color.FromArgb(230, 230, 230));
        canvas.Fill(new Rectangle(1860, 12, 16, 16), Color.FromArgb(200, 200, 200));
        canvas.Fill(new Rectangle(1884, 12, 20, 16), Color.FromArgb(120, 200, 120));

        var d = new Rectangle(dialog.X, dialog.Y, 800, 560);
        canvas.Fill(d, Color.FromArgb(236, 236, 236)).Border(d, Color.FromArgb(90, 90, 90), 2);
        canvas.Fill(d with { Height = 56 }, Color.FromArgb(52, 52, 60));
        canvas.Text(fonts.Large, d.X + 24, d.Y + 12, "Install Debian 13 \"Trixie\"", Color.White);
        var body = Color.FromArgb(30, 30, 30);
        canvas.Text(fonts.Medium, d.X + 32, d.Y + 80, "Language", body);
        canvas.Text(fonts.Small, d.X + 32, d.Y + 108, "Choose the language used for the installation process.", body);
        string[] options = ["English (United States)", "English (United Kingdom)", "Deutsch", "Francais", "Nederlands"];
        for (var i = 0; i < options.Length; i++)
        {
            var y = d.Y + 150 + (i * 40);
            var box = new Rectangle(d.X + 40, y, 18, 18);
            canvas.Fill(box, Color.White).Border(box, Color.FromArgb(80, 80, 80), 2);
            if (i == 0)
            {
                canvas.Fill(Rectangle.Inflate(box, -5, -5), Color.FromArgb(30, 60, 200));
            }

            canvas.Text(fonts.Medium, d.X + 72, y, options[i], body);
        }

        canvas.Fill(new Rectangle(d.X + 32, d.Y + 360, 736, 2), Color.FromArgb(180, 180, 180));
        canvas.Text(fonts.Small, d.X + 32, d.Y + 380, "Screen reader: press Alt+Super+S.  Help: F1.", body);
        canvas.Button(fonts.Medium, new Rectangle(d.X + 32, d.Y + 470, 160, 60), Color.FromArgb(200, 200, 200), "Back", body);
        canvas.Button(fonts.Medium, new Rectangle(d.X + 320, d.Y + 470, 200, 60), Color.FromArgb(200, 60, 50), "Cancel", Color.White);
        canvas.Button(fonts.Medium, new Rectangle(d.X + InstallButton.X, d.Y + InstallButton.Y, 200, 60), installColour, "Install", Color.White);
        return canvas.Frame.Crop(canvas.Frame.Bounds);
    }

    /// <summary>Desktop: a 6x4 grid of identical folder icons plus one trash icon, shifted by <paramref name="shift"/>.</summary>
    internal static Frame Desktop(Fonts fonts, Point shift)
    {
        using var canvas = new Canvas(1920, 1080);
        canvas.Gradient(new Rectangle(0, 0, 1920, 1080), Color.FromArgb(60, 90, 60), Color.FromArgb(20, 40, 30));
        foreach (var p in FolderIcons(shift))
        {
            DrawIcon(canvas, fonts, p, Color.FromArgb(230, 180, 60), "Folder");
        }

        DrawIcon(canvas, fonts, TrashIcon(shift), Color.FromArgb(170, 170, 180), "Trash");
        return canvas.Frame.Crop(canvas.Frame.Bounds);
    }

    internal static IEnumerable<Point> FolderIcons(Point shift)
    {
        for (var row = 0; row < 4; row++)
        {
            for (var column = 0; column < 6; column++)
            {
                yield return new Point(80 + (column * 140) + shift.X, 80 + (row * 150) + shift.Y);
            }
        }
    }

    internal static Point TrashIcon(Point shift) => new(80 + shift.X, 700 + shift.Y);

    private static void DrawIcon(Canvas canvas, Fonts fonts, Point at, Color colour, string label)
    {
        canvas.Fill(new Rectangle(at.X + 20, at.Y, 40, 12), colour);
        canvas.Fill(new Rectangle(at.X + 20, at.Y + 10, 80, 60), colour);
        canvas.Border(new Rectangle(at.X + 20, at.Y + 10, 80, 60), Color.FromArgb(colour.R / 2, colour.G / 2, colour.B / 2), 2);
        canvas.Text(fonts.Medium, at.X + 60 - (label.Length * fonts.Medium.Width / 2), at.Y + 80, label, Color.White);
    }

    internal sealed record Fonts(PsfFont Small, PsfFont Medium, PsfFont Large)
    {
        internal static Fonts Load() =>
            new(PsfFont.Load("Lat15-TerminusBold16"), PsfFont.Load("Lat15-TerminusBold20x10"), PsfFont.Load("Lat15-TerminusBold32x16"));
    }
}
