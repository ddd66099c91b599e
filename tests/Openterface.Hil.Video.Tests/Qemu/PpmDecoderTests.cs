using System.Text;
using Openterface.Hil.Imaging;

namespace Openterface.Hil.Video.Tests.Qemu;

public class PpmDecoderTests
{
    [Test]
    public void Binary_ppm_with_a_comment_decodes_to_bgr_pixels()
    {
        var header = Encoding.ASCII.GetBytes("P6\n# written by QEMU\n2 1\n255\n");
        byte[] rgb = [10, 20, 30, 200, 150, 100];
        using var frame = PpmDecoder.Decode([.. header, .. rgb]);

        Assert.Multiple(() =>
        {
            Assert.That(frame.Width, Is.EqualTo(2));
            Assert.That(frame.Height, Is.EqualTo(1));
            Assert.That(frame.Format, Is.EqualTo(PixelFormat.Bgr24));
            Assert.That(frame.Pixels.ToArray(), Is.EqualTo(new byte[] { 30, 20, 10, 100, 150, 200 }));
        });
    }

    [Test]
    public void Truncated_ppm_is_rejected_with_the_sizes()
    {
        var data = Encoding.ASCII.GetBytes("P6 4 4 255\n").Concat(new byte[10]).ToArray();

        var error = Assert.Throws<VideoException>(() => PpmDecoder.Decode(data).Dispose());

        Assert.That(error!.Message, Does.Contain("'4x4'").And.Contain("10 of 48"));
    }

    [TestCase("P6 999999999 999999999 255\n")]
    [TestCase("P6 65535 65535 255\n")]
    [TestCase("P6 40000 17000 255\n")]
    public void An_oversized_ppm_header_is_a_video_exception_not_an_overflow(string header)
    {
        var data = Encoding.ASCII.GetBytes(header).Concat(new byte[64]).ToArray();

        Assert.That(() => PpmDecoder.Decode(data).Dispose(),
            Throws.TypeOf<VideoException>().With.Message.Contains("is outside 1x1..8192x8192"));
    }

    [Test]
    public void Sixteen_bit_ppm_is_rejected()
    {
        var data = Encoding.ASCII.GetBytes("P6 1 1 65535\n").Concat(new byte[6]).ToArray();

        Assert.That(() => PpmDecoder.Decode(data).Dispose(), Throws.TypeOf<VideoException>().With.Message.Contains("'65535'"));
    }

    [Test]
    public void Other_formats_are_rejected()
    {
        Assert.That(() => PpmDecoder.Decode("P3 1 1 255 0 0 0"u8).Dispose(), Throws.TypeOf<VideoException>().With.Message.Contains("P6"));
    }
}
