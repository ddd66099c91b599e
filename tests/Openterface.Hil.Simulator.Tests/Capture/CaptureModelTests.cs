using System.Drawing;
using Openterface.Hil.Imaging;

namespace Openterface.Hil.Simulator.Tests.Capture;

public sealed class CaptureModelTests
{
    [Test]
    public void Graphics_modes_are_scaled_to_the_capture_mode_and_text_mode_keeps_its_size()
    {
        var model = new CaptureModel(new CaptureModelOptions());
        using var graphics = Frame.Allocate(1024, 768, PixelFormat.Bgr24);
        using var text = Frame.Allocate(720, 400, PixelFormat.Bgr24);
        using var full = Frame.Allocate(1920, 1080, PixelFormat.Bgr24);

        using var scaledGraphics = model.Scale(graphics);
        using var scaledText = model.Scale(text);
        using var scaledFull = model.Scale(full);

        Assert.Multiple(() =>
        {
            Assert.That(scaledGraphics.Size, Is.EqualTo(new Size(1920, 1080)));
            Assert.That(scaledText.Size, Is.EqualTo(new Size(720, 400)));
            Assert.That(scaledFull.Size, Is.EqualTo(new Size(1920, 1080)));
        });
    }

    [Test]
    public void Bilinear_scaling_puts_intermediate_values_between_two_columns()
    {
        var pixels = new byte[1024 * 768];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)((i % 1024) < 512 ? 0 : 200);
        }

        using var picture = Frame.FromPixels(pixels, 1024, 768, PixelFormat.Gray8);
        using var scaled = new CaptureModel(new CaptureModelOptions()).Scale(picture);
        var row = scaled.Pixels.Slice(500 * scaled.Stride, scaled.Width).ToArray();

        // Linear interpolation: one blended column at the edge, no cubic overshoot below 0 or above 200.
        Assert.Multiple(() =>
        {
            Assert.That(row.Max(), Is.EqualTo(200));
            Assert.That(row.Count(v => v is > 0 and < 200), Is.InRange(1, 2));
        });
    }

    [Test]
    public void Captured_jpeg_is_quality_80_with_4_2_2_chroma()
    {
        var model = new CaptureModel(new CaptureModelOptions());
        using var picture = Frame.FromPixels(Enumerable.Repeat((byte)90, 720 * 400 * 3).ToArray(), 720, 400, PixelFormat.Bgr24);

        var jpeg = model.Capture(picture);

        Assert.That(JpegSampling.LumaFactors(jpeg), Is.EqualTo((2, 1)), "Y sampling 2x1 = chroma 4:2:2");
    }

    [Test]
    public void The_same_seed_gives_the_same_drops_and_jitter_and_drops_are_rare_and_never_consecutive()
    {
        var options = new CaptureModelOptions { DropProbability = 0.02, MaxJitter = TimeSpan.FromMilliseconds(8) };
        var a = new CaptureModel(options);
        var b = new CaptureModel(options);
        var first = Enumerable.Range(0, 5000).Select(_ => a.NextFrame()).ToList();
        var second = Enumerable.Range(0, 5000).Select(_ => b.NextFrame()).ToList();
        var drops = first.Count(f => f.Drop);
        var consecutive = first.Zip(first.Skip(1)).Count(p => p.First.Drop && p.Second.Drop);

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(drops, Is.InRange(50, 150), "about 2 % of 5000");
            Assert.That(consecutive, Is.Zero);
            Assert.That(first.Max(f => f.Jitter), Is.EqualTo(TimeSpan.FromMilliseconds(8)));
        });
    }

    [Test]
    public void Realism_parses_settings_text_and_names_the_remedy_for_a_bad_value()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CaptureRealismSetting.Parse("MS2109"), Is.EqualTo(CaptureRealism.Ms2109));
            Assert.That(CaptureRealismSetting.Parse(" none "), Is.EqualTo(CaptureRealism.None));
            var error = Assert.Throws<ArgumentException>(() => CaptureRealismSetting.Parse("hd", "hil.json"));
            Assert.That(error!.Message, Does.Contain("'hd'").And.Contain("hil.json").And.Contain("'ms2109'"));
        });
    }

    [Test]
    public void A_virtual_rig_captures_like_an_MS2109_unless_told_otherwise()
    {
        if (Environment.GetEnvironmentVariable(CaptureRealismSetting.EnvironmentVariable) is { Length: > 0 } chosen)
        {
            Assert.Ignore($"{CaptureRealismSetting.EnvironmentVariable}={chosen} is set in this environment; the default is not in play.");
        }

        Assert.Multiple(() =>
        {
            Assert.That(CaptureRealismSetting.FromEnvironment(), Is.EqualTo(CaptureRealism.Ms2109));
            Assert.That(new VirtualRigOptions().Realism, Is.EqualTo(CaptureRealism.Ms2109));
        });
    }
}
