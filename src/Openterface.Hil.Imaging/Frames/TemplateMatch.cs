using System.Drawing;
using Openterface.Hil.Imaging.Interop;

namespace Openterface.Hil.Imaging;

/// <summary>Raw OpenCV template matching (TM_CCOEFF_NORMED): the building block the needle matcher refines.</summary>
public static class TemplateMatch
{
    private const int CcoeffNormed = 5;

    /// <summary>Best normalised-correlation location of <paramref name="template"/> inside <paramref name="area"/> of <paramref name="image"/>.</summary>
    public static unsafe (double Score, Point Location) FindBest(Frame image, Frame template, Rectangle? area = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(template);
        var searched = area ?? image.Bounds;
        if (template.Width > searched.Width || template.Height > searched.Height)
        {
            throw new ImagingException(
                $"Template {template.Width}x{template.Height} is larger than the searched area {searched.Width}x{searched.Height}. " +
                "Use a smaller needle or a larger frame.");
        }

        if (image.Format != template.Format)
        {
            throw new ArgumentException($"Image is {image.Format} but template is {template.Format}; convert one of them.", nameof(template));
        }

        NativeLibraries.EnsureHilCv();
        var rc = HilCvNative.MatchBest(image.View(searched), template.View(), null, CcoeffNormed, out var score, out var x, out var y);
        HilCvNative.Check(rc, "Template matching");
        return (score, new Point(searched.X + x, searched.Y + y));
    }
}
