using System.Drawing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Openterface.Hil.Imaging.Interop;

namespace Openterface.Hil.Imaging;

/// <summary>
/// A bare PNG template decided as stb-tester's match() does with its default parameters: TM_SQDIFF in colour over
/// the whole frame (transparent pixels masked out), certainty = 1 - SSD / (counted pixels x channels x 255^2), which
/// must reach <see cref="MatchOptions.TemplateThreshold"/>; the best place is then confirmed on the pixel
/// difference (grey, min-max normalised, |a-b| above <see cref="MatchOptions.ConfirmThreshold"/> x 255, eroded
/// once with a 3x3 ellipse: any pixel left means no match). When the confirm step rejects the best place, the next
/// best place not overlapping it is tried. The search runs at full resolution, so no template is ever lost by a
/// pyramid, however few or near the edge its opaque pixels are.
/// </summary>
internal sealed unsafe class TemplateSearch
{
    private const int SqDiff = 0;
    private const int MaxCandidates = 8;
    private float[] _heat = [];

    internal AreaMatch Search(Frame frame, AreaTemplate template, MatchOptions options)
    {
        using var colour = frame.Format == PixelFormat.Bgr24 ? frame.Share() : frame.ToBgr();
        var size = template.Colour.Size;
        int width = colour.Width - size.Width + 1, height = colour.Height - size.Height + 1;
        Ensure(width * height);
        var heat = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_heat));
        var maskView = template.Mask?.View() ?? default;
        HilCvNative.Check(
            HilCvNative.MatchTemplateMasked(colour.View(), template.Colour.View(), template.Mask is null ? null : &maskView, SqDiff, heat, width * sizeof(float)),
            "Template matching (TM_SQDIFF, colour)");
        var values = _heat.AsSpan(0, width * height);
        var scale = (double)template.OpaquePixels * template.Colour.Channels * 255 * 255;
        AreaMatch? first = null;
        for (var k = 0; k < MaxCandidates; k++)
        {
            var best = ArgMin(values);
            var certainty = Math.Clamp(1 - (values[best] / scale), 0, 1);
            var found = new Rectangle(best % width, best / width, size.Width, size.Height);
            var passed = certainty >= options.TemplateThreshold;
            long? remaining = passed ? Confirm(colour, found, template, options) : null;
            var result = new AreaMatch(0, found, certainty, options.TemplateThreshold, passed && remaining == 0, colour.Bounds, 0) { ConfirmRemaining = remaining };
            if (result.Passed || !passed)
            {
                return first is not null && !result.Passed ? first : result;
            }

            first ??= result;
            Exclude(values, width, height, found.Location, size);
        }

        return first!;
    }

    private static long Confirm(Frame colour, Rectangle at, AreaTemplate template, MatchOptions options)
    {
        var maskView = template.Mask?.View() ?? default;
        HilCvNative.Check(
            HilCvNative.ConfirmAbsDiff(
                colour.View(at), template.Colour.View(), template.Mask is null ? null : &maskView,
                options.ConfirmNormalised ? 1 : 0, options.ConfirmThreshold, options.ErodePasses, out var remaining),
            "Confirming a template match");
        return remaining;
    }

    /// <summary>Positions whose template would overlap the rejected place are not candidates any more.</summary>
    private static void Exclude(Span<float> values, int width, int height, Point at, Size size)
    {
        for (var y = Math.Max(0, at.Y - size.Height + 1); y < Math.Min(height, at.Y + size.Height); y++)
        {
            var x0 = Math.Max(0, at.X - size.Width + 1);
            var x1 = Math.Min(width, at.X + size.Width);
            values.Slice((y * width) + x0, x1 - x0).Fill(float.PositiveInfinity);
        }
    }

    private static int ArgMin(Span<float> values)
    {
        var best = 0;
        var min = float.PositiveInfinity;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] < min)
            {
                (best, min) = (i, values[i]);
            }
        }

        return best;
    }

    private void Ensure(int count)
    {
        if (_heat.Length < count)
        {
            _heat = GC.AllocateUninitializedArray<float>(Math.Max(count, _heat.Length * 2), pinned: true);
        }
    }
}
