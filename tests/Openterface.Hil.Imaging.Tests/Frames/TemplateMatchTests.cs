using System.Drawing;

namespace Openterface.Hil.Imaging.Tests.Frames;

public sealed class TemplateMatchTests
{
    [Test]
    public void Native_shim_loads_and_match_template_finds_a_known_template_at_its_position()
    {
        using var frame = Patterns.Noise(320, 240, seed: 7);
        var expected = new Rectangle(123, 77, 40, 24);
        using var template = frame.Crop(expected);

        var (score, location) = TemplateMatch.FindBest(frame, template);

        Assert.Multiple(() =>
        {
            Assert.That(location, Is.EqualTo(expected.Location));
            Assert.That(score, Is.GreaterThan(0.999));
        });
    }

    [Test]
    public void A_template_larger_than_the_frame_is_a_clear_error()
    {
        using var frame = Patterns.Noise(64, 64, seed: 1);
        using var big = Patterns.Noise(65, 10, seed: 2);

        var error = Assert.Throws<ImagingException>(() => TemplateMatch.FindBest(frame, big));

        Assert.That(error!.Message, Does.Contain("65x10 is larger than the searched area 64x64"));
    }

    [Test]
    public void Png_round_trip_is_byte_exact()
    {
        using var frame = Patterns.Noise(97, 31, seed: 3);

        using var decoded = ImageCodec.Decode(frame.EncodePng());

        Assert.That(decoded.Pixels.ToArray(), Is.EqualTo(frame.Pixels.ToArray()));
    }

    [Test]
    public void Corrupt_bytes_name_the_source_in_the_error()
    {
        var error = Assert.Throws<ImagingException>(() => ImageCodec.Decode(new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 }, source: "broken.png"));

        Assert.That(error!.Message, Is.EqualTo("Cannot decode 'broken.png' (7 bytes): not a valid PNG or JPEG image."));
    }
}
