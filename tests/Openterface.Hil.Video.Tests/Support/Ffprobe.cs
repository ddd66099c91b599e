using System.Diagnostics;
using System.Globalization;

namespace Openterface.Hil.Video.Tests;

/// <summary>Reads a video file's facts with ffprobe (Debian ffmpeg package).</summary>
internal static class Ffprobe
{
    internal static (double Duration, string Codec, string PixelFormat, int Width, int Height, int Frames) Probe(string path)
    {
        var info = new ProcessStartInfo("ffprobe")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[]
                 {
                     "-v", "error", "-select_streams", "v:0", "-count_frames",
                     "-show_entries", "stream=codec_name,pix_fmt,width,height,nb_read_frames:format=duration",
                     "-of", "default=noprint_wrappers=1", path,
                 })
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var values = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('=', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0])
            .ToDictionary(g => g.Key, g => g.First()[1].Trim());
        return (
            double.Parse(values["duration"], CultureInfo.InvariantCulture),
            values["codec_name"],
            values["pix_fmt"],
            int.Parse(values["width"], CultureInfo.InvariantCulture),
            int.Parse(values["height"], CultureInfo.InvariantCulture),
            int.Parse(values["nb_read_frames"], CultureInfo.InvariantCulture));
    }
}
