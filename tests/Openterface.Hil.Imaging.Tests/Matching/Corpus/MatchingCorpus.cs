using System.Drawing;
using System.Text.Json;

namespace Openterface.Hil.Imaging.Tests.Matching.Corpus;

/// <summary>The committed corpus: fixtures/screens/matching/corpus.json, its screens, and fixtures/needles/corpus.</summary>
internal static class MatchingCorpus
{
    /// <summary>How each state is delivered: the clean render, JPEG q80, and 3x3-blurred JPEG q75 (a capture card).</summary>
    internal static readonly string[] Variants = ["png", "q80", "blur-q75"];

    /// <summary>A decision to check; <paramref name="OpenCv"/> is whole-frame OpenCV's best place and score (cases with an expected place).</summary>
    internal sealed record Case(string Screen, string Needle, Point? Expected, string Why, (Point At, double Score)? OpenCv);

    private static readonly Dictionary<string, byte[]> Encoded = new(StringComparer.Ordinal);

    internal static string ScreenFile(string state, string variant) => variant == "png" ? $"{state}.png" : $"{state}-{variant}.jpg";

    internal static IReadOnlyList<Case> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Screens, "corpus.json")));
        var cases = new List<Case>();
        foreach (var item in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            var expected = item.GetProperty("expected");
            Point? at = expected.ValueKind == JsonValueKind.Null
                ? null
                : new Point(expected.GetProperty("x").GetInt32(), expected.GetProperty("y").GetInt32());
            (Point, double)? reference = null;
            if (item.TryGetProperty("opencv", out var cv) && cv.ValueKind == JsonValueKind.Object)
            {
                reference = (new Point(cv.GetProperty("x").GetInt32(), cv.GetProperty("y").GetInt32()), cv.GetProperty("score").GetDouble());
            }

            cases.Add(new Case(item.GetProperty("screen").GetString()!, item.GetProperty("needle").GetString()!, at, item.GetProperty("why").GetString()!, reference));
        }

        return cases;
    }

    /// <summary>Decodes a corpus screen (file bytes are cached; every call returns a new frame to dispose).</summary>
    internal static Frame Screen(string file)
    {
        byte[] bytes;
        lock (Encoded)
        {
            if (!Encoded.TryGetValue(file, out bytes!))
            {
                Encoded[file] = bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Screens, file));
            }
        }

        return ImageCodec.Decode(bytes, PixelFormat.Bgr24, file);
    }
}
