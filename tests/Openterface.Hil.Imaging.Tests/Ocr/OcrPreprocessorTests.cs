using Openterface.Hil.Imaging.Ocr;

namespace Openterface.Hil.Imaging.Tests.Ocr;

public sealed class OcrPreprocessorTests
{
    [TestCase(20, 230, TestName = "Light_on_dark_text_becomes_dark_ink_on_white")]
    [TestCase(230, 20, TestName = "Dark_on_light_text_becomes_dark_ink_on_white")]
    public void Text_of_either_polarity_becomes_dark_ink_on_white(int background, int ink)
    {
        const int width = 60, height = 30;
        var grey = new byte[width * height];
        Array.Fill(grey, (byte)background);
        for (var y = 8; y < 22; y++)
        {
            grey[(y * width) + 20] = (byte)ink;
            grey[(y * width) + 21] = (byte)ink;
        }

        var prepared = OcrPreprocessor.Prepare(grey, width, height, pixelScale: 1);

        var factor = prepared.Factor;
        int Pixel(int x, int y) => prepared.Pixels[((prepared.Padding + (y * factor)) * prepared.Width) + prepared.Padding + (x * factor)];
        Assert.Multiple(() =>
        {
            Assert.That(Pixel(20, 15), Is.Zero, "the stroke is black");
            Assert.That(Pixel(40, 15), Is.EqualTo(255), "the background is white");
            Assert.That(prepared.Pixels.Take(prepared.Width), Is.All.EqualTo((byte)255), "white padding");
        });
    }

    [Test]
    public void A_uniform_colour_field_has_no_ink()
    {
        var grey = new byte[40 * 40];
        for (var i = 0; i < grey.Length; i++)
        {
            grey[i] = (byte)(i % 40 < 20 ? 30 : 200);
        }

        var prepared = OcrPreprocessor.Prepare(grey, 40, 40, pixelScale: 1);

        Assert.That(prepared.Pixels, Is.All.EqualTo((byte)255), "a colour edge (e.g. a highlighted bar) is not text");
    }
}
