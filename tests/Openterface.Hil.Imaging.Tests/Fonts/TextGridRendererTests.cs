using Openterface.Hil.Imaging.Fonts;

namespace Openterface.Hil.Imaging.Tests.Fonts;

public sealed class TextGridRendererTests
{
    [Test]
    public void Vga_font_renders_80x25_at_720x400_and_draws_the_glyphs()
    {
        var font = PsfFont.Load("Lat15-VGA16");
        var grid = new TextGrid(80, 25, background: 1);
        grid.Write(0, 0, "A", 15, 1);

        using var frame = new TextGridRenderer(font).Render(grid);

        Assert.Multiple(() =>
        {
            Assert.That((font.Width, font.Height), Is.EqualTo((8, 16)));
            Assert.That((frame.Width, frame.Height), Is.EqualTo((720, 400)));
            Assert.That(CountWhite(frame, 9, 16), Is.GreaterThan(10), "the 'A' cell has lit pixels");
            Assert.That(CountWhite(frame, 720, 400), Is.EqualTo(CountWhite(frame, 9, 16)), "nothing else is lit");
        });
    }

    [Test]
    public void Unknown_font_name_is_a_clear_error_with_the_remedy()
    {
        var error = Assert.Throws<ImagingException>(() => PsfFont.Load("No-Such-Font"));

        Assert.That(error!.Message, Does.Contain("'No-Such-Font' not found").And.Contain("ci/setup"));
    }

    private static int CountWhite(Frame frame, int width, int height)
    {
        var count = 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (frame.Pixels[(y * frame.Stride) + (x * 3)] == 255)
                {
                    count++;
                }
            }
        }

        return count;
    }
}
