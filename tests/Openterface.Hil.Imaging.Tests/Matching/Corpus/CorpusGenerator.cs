using System.Drawing;
using System.Text.Json;
using Openterface.Hil.Imaging.Interop;

namespace Openterface.Hil.Imaging.Tests.Matching.Corpus;

/// <summary>
/// Regenerates fixtures/screens/matching and fixtures/needles/corpus from <see cref="CorpusSpec"/>. Explicit: run it
/// by name when the spec changes, review the images, and commit them.
/// </summary>
[Explicit("Writes fixtures into the repository")]
public sealed class CorpusGenerator
{
    [Test]
    public void Regenerate_the_matching_corpus()
    {
        Directory.CreateDirectory(RepoPaths.Screens);
        Directory.CreateDirectory(RepoPaths.Needles);
        var states = CorpusSpec.States();
        foreach (var (name, render) in states)
        {
            using var clean = render();
            clean.Save(Path.Combine(RepoPaths.Screens, MatchingCorpus.ScreenFile(name, "png")));
            File.WriteAllBytes(Path.Combine(RepoPaths.Screens, MatchingCorpus.ScreenFile(name, "q80")), clean.EncodeJpeg(80));
            using var blurred = Blur(clean);
            File.WriteAllBytes(Path.Combine(RepoPaths.Screens, MatchingCorpus.ScreenFile(name, "blur-q75")), blurred.EncodeJpeg(75));
        }

        foreach (var needle in CorpusSpec.Needles())
        {
            using var screenshot = states[needle.State]();
            var areas = needle.Areas.Select(a => new NeedleArea(a.Bounds, a.Type, null, null)).ToList();
            NeedleWriter.Write(screenshot, areas, needle.Tags, needle.Name, RepoPaths.Needles);
        }

        var cases = new List<object>();
        foreach (var c in CorpusSpec.Cases())
        {
            foreach (var variant in MatchingCorpus.Variants)
            {
                var screen = MatchingCorpus.ScreenFile(c.State, variant);
                cases.Add(new
                {
                    screen,
                    needle = c.Needle,
                    expected = c.Expected is Point p ? new { x = p.X, y = p.Y } : null,
                    why = c.Why,
                });
            }
        }

        var json = JsonSerializer.Serialize(new { variants = MatchingCorpus.Variants, cases }, new JsonSerializerOptions { WriteIndented = true });
        File.WriteAllText(Path.Combine(RepoPaths.Screens, "corpus.json"), json + "\n");
        Assert.That(cases, Is.Not.Empty);
    }

    private static Frame Blur(Frame frame)
    {
        var blurred = Frame.Allocate(frame.Width, frame.Height, frame.Format);
        HilCvNative.Check(HilCvNative.GaussianBlur(frame.View(), blurred.View(), 3), "Blurring");
        return blurred;
    }
}
