using System.Drawing;
using System.Globalization;

namespace Openterface.Hil.Imaging;

/// <summary>
/// The colour test after a grey match: each match area's mean B, G, R on screen must lie within the tolerance of
/// the needle's. Grey correlation ignores brightness and hue, so without this a blue button matches a green one
/// (openQA's "colourblind" needles, os-autoinst PR 1633).
/// </summary>
internal static class ColourCheck
{
    /// <summary>Null when the colours agree; otherwise the reason, naming both colours.</summary>
    internal static string? Compare(Frame frame, Needle needle, Point offset, double tolerance)
    {
        if (frame.Format != PixelFormat.Bgr24)
        {
            return null; // a grey capture carries no colour to compare
        }

        for (var i = 0; i < needle.Templates.Count; i++)
        {
            var template = needle.Templates[i];
            var region = template.Bounds with { X = template.Bounds.X + offset.X, Y = template.Bounds.Y + offset.Y };
            var seen = Statistics.Mean(frame.View(region), template.Mask, frame.Channels);
            var expected = template.MeanColour;
            var difference = Math.Max(Math.Abs(seen.B - expected.B), Math.Max(Math.Abs(seen.G - expected.G), Math.Abs(seen.R - expected.R)));
            if (difference > tolerance)
            {
                var area = needle.Templates.Count > 1 ? $" in area {i + 1}" : string.Empty;
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"colour mismatch{area}: expected {Name(expected)} ({Format(expected)}), saw {Name(seen)} ({Format(seen)}) " +
                    $"at {region.X},{region.Y}; difference {difference:0} > tolerance {tolerance:0}");
            }
        }

        return null;
    }

    internal static string Format((double B, double G, double R) c) =>
        string.Create(CultureInfo.InvariantCulture, $"B {c.B:0} G {c.G:0} R {c.R:0}");

    /// <summary>A plain colour word for a mean colour: black, grey, white or a hue with "-ish" when it is muted.</summary>
    internal static string Name((double B, double G, double R) c)
    {
        var max = Math.Max(c.R, Math.Max(c.G, c.B));
        var min = Math.Min(c.R, Math.Min(c.G, c.B));
        var chroma = max - min;
        if (chroma < 30)
        {
            return max < 60 ? "black" : max > 200 ? "white" : "grey";
        }

        double hue;
        if (max == c.R)
        {
            hue = 60 * (((c.G - c.B) / chroma) % 6);
        }
        else if (max == c.G)
        {
            hue = 60 * (((c.B - c.R) / chroma) + 2);
        }
        else
        {
            hue = 60 * (((c.R - c.G) / chroma) + 4);
        }

        hue = (hue + 360) % 360;
        var name = hue switch
        {
            < 20 or >= 340 => "red",
            < 45 => "orange",
            < 70 => "yellow",
            < 160 => "green",
            < 200 => "cyan",
            < 260 => "blue",
            _ => "magenta",
        };
        return chroma < 90 ? name + "-ish" : name;
    }
}
