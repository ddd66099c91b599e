using Openterface.Hil.Imaging.Interop;

namespace Openterface.Hil.Imaging;

/// <summary>Mean and standard deviation of (a region of) a frame through OpenCV's meanStdDev.</summary>
internal static class Statistics
{
    internal static unsafe (double B, double G, double R) Mean(Frame frame, Frame? mask) =>
        Mean(frame.View(), mask, frame.Channels);

    internal static unsafe (double B, double G, double R) Mean(HilCvView view, Frame? mask, int channels)
    {
        var mean = stackalloc double[4];
        var std = stackalloc double[4];
        Run(view, mask, mean, std);
        return channels == 1 ? (mean[0], mean[0], mean[0]) : (mean[0], mean[1], mean[2]);
    }

    internal static unsafe (double Mean, double Std) MeanStd(Frame grey, Frame? mask)
    {
        var mean = stackalloc double[4];
        var std = stackalloc double[4];
        Run(grey.View(), mask, mean, std);
        return (mean[0], std[0]);
    }

    private static unsafe void Run(HilCvView view, Frame? mask, double* mean, double* std)
    {
        if (mask is null)
        {
            HilCvNative.Check(HilCvNative.MeanStd(view, null, mean, std), "Measuring colour");
        }
        else
        {
            var maskView = mask.View();
            HilCvNative.Check(HilCvNative.MeanStd(view, &maskView, mean, std), "Measuring colour");
        }
    }
}
