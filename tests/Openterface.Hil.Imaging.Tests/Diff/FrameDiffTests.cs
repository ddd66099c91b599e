using System.Drawing;
using Openterface.Hil.Imaging.Tests.Matching.Corpus;

namespace Openterface.Hil.Imaging.Tests.Diff;

public sealed class FrameDiffTests
{
    [TestCase("bios-a")]
    [TestCase("console-a")]
    [TestCase("installer-a")]
    public void Jpeg_recompression_noise_is_not_a_change(string state)
    {
        using var clean = MatchingCorpus.Screen(state + ".png");
        using var jpeg = MatchingCorpus.Screen(state + "-q80.jpg");
        using var blurred = MatchingCorpus.Screen(state + "-blur-q75.jpg");
        using var reencoded = ImageCodec.Decode(blurred.EncodeJpeg(85));

        var q80 = FrameDiff.Compare(clean, jpeg);
        var twice = FrameDiff.Compare(blurred, reencoded);

        Assert.Multiple(() =>
        {
            Assert.That(q80.ChangedPixels, Is.Zero, $"{q80}");
            Assert.That(twice.ChangedPixels, Is.Zero, $"{twice}");
        });
    }

    [Test]
    public void A_blinking_cursor_leaves_the_screen_still()
    {
        using var screen = MatchingCorpus.Screen("bios-a-q80.jpg");
        using var withCursor = screen.Crop(screen.Bounds);
        using (var canvas = new Canvas(withCursor.Share()))
        {
            canvas.Fill(new Rectangle(135, 366, 9, 2), Color.White); // VGA underline cursor
        }

        var difference = FrameDiff.Compare(screen, withCursor);

        Assert.Multiple(() =>
        {
            Assert.That(difference.ChangedPixels, Is.GreaterThan(0));
            Assert.That(Rectangle.Inflate(difference.ChangedBounds, 1, 1).Contains(new Rectangle(135, 366, 9, 2)), Is.True, $"{difference}");
            Assert.That(difference.IsStill(), Is.True);
            Assert.That(difference.IsStill(maxChangeSize: 4), Is.False);
        });
    }

    [Test]
    public void A_moved_highlight_is_a_change_with_its_bounding_box()
    {
        using var before = MatchingCorpus.Screen("bios-a-q80.jpg");
        using var after = MatchingCorpus.Screen("bios-b-q80.jpg");

        var difference = FrameDiff.Compare(before, after);

        Assert.Multiple(() =>
        {
            Assert.That(difference.IsStill(), Is.False);
            Assert.That(difference.ChangedBounds.Top, Is.EqualTo(64).Within(1));
            Assert.That(difference.ChangedBounds.Bottom, Is.EqualTo(112).Within(1));
            Assert.That(difference.ChangedFraction, Is.GreaterThan(0.005));
        });
    }

    [Test]
    public void Ignored_rectangles_do_not_count()
    {
        using var before = MatchingCorpus.Screen("installer-a.png");
        using var after = MatchingCorpus.Screen("installer-a.png");
        using (var canvas = new Canvas(after.Share()))
        {
            canvas.Fill(new Rectangle(1680, 9, 50, 20), Color.Red); // the clock changed
        }

        var counted = FrameDiff.Compare(before, after);
        var ignored = FrameDiff.Compare(before, after, [new Rectangle(1676, 4, 60, 32)]);

        Assert.Multiple(() =>
        {
            Assert.That(Rectangle.Inflate(new Rectangle(1680, 9, 50, 20), 1, 1).Contains(counted.ChangedBounds), Is.True, $"{counted}");
            Assert.That(counted.ChangedBounds.Width, Is.GreaterThanOrEqualTo(48), $"{counted}");
            Assert.That(ignored.ChangedPixels, Is.Zero);
        });
    }

    [Test]
    public void Frames_of_different_sizes_are_a_clear_error()
    {
        using var a = Patterns.Noise(720, 400, seed: 1);
        using var b = Patterns.Noise(1024, 768, seed: 1);

        var error = Assert.Throws<ImagingException>(() => FrameDiff.Compare(a, b));

        Assert.That(error!.Message, Is.EqualTo(
            "Cannot compare a 720x400 frame with a 1024x768 frame: the capture mode changed. Compare frames of one video mode."));
    }
}
