using Openterface.Hil.Imaging;

namespace Openterface.Hil.Video.Tests;

public class JpegTests
{
    [Test]
    public void Jpeg_size_is_read_from_the_start_of_frame_header()
    {
        var jpeg = TestJpegs.PatternJpeg(64, 40, 1);

        var found = JpegInfo.TryReadSize(jpeg, out var width, out var height);

        Assert.Multiple(() =>
        {
            Assert.That(found, Is.True);
            Assert.That((width, height), Is.EqualTo((64, 40)));
        });
    }

    [Test]
    public void Jpeg_size_is_not_read_from_bytes_that_are_not_a_jpeg()
    {
        Assert.Multiple(() =>
        {
            Assert.That(JpegInfo.TryReadSize("<html>not a jpeg</html>"u8, out _, out _), Is.False);
            Assert.That(JpegInfo.TryReadSize([0xFF, 0xD8, 0xFF, 0xDA, 0, 4, 1, 2], out _, out _), Is.False);
        });
    }

    [Test]
    public void Decode_fills_a_pooled_frame_of_the_size_in_the_jpeg()
    {
        using var original = TestJpegs.Pattern(48, 32, 2);
        var jpeg = original.EncodeJpeg(95);

        using var frame = JpegCodec.Decode(jpeg, "test");
        using var reference = ImageCodec.Decode(jpeg);

        Assert.Multiple(() =>
        {
            Assert.That(frame.Size, Is.EqualTo(original.Size));
            Assert.That(frame.Format, Is.EqualTo(PixelFormat.Bgr24));
            Assert.That(frame.Pixels.SequenceEqual(reference.Pixels), Is.True, "same pixels as OpenCV's imdecode");
        });
    }

    [Test]
    public void Decode_of_garbage_names_the_source_and_the_first_bytes()
    {
        var error = Assert.Throws<BadFrameException>(() => JpegCodec.Decode("GARBAGE!garbage"u8, "http://rig:8080/stream"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("Frame from 'http://rig:8080/stream' is not a JPEG"));
            Assert.That(error.Message, Does.Contain("starting '4741524241474521'"));
            Assert.That(error.IsRigFault, Is.True);
        });
    }

    [Test]
    public void Encode_writes_a_jpeg_into_a_reused_buffer()
    {
        using var frame = TestJpegs.Pattern(80, 60, 3);
        var buffer = new JpegBuffer(16);

        JpegCodec.Encode(frame, 80, buffer);
        var first = buffer.Array;
        JpegCodec.Encode(frame, 80, buffer);

        Assert.Multiple(() =>
        {
            Assert.That(JpegInfo.TryReadSize(buffer.Span, out var w, out var h) && w == 80 && h == 60, Is.True);
            Assert.That(buffer.Array, Is.SameAs(first), "second encode reuses the grown buffer");
        });
    }

    [Test]
    public void An_mjpeg_file_splits_into_its_jpegs()
    {
        var a = TestJpegs.PatternJpeg(16, 16, 1);
        var b = TestJpegs.PatternJpeg(24, 8, 2);

        var parts = MjpegFile.Split([.. a, .. b]);

        Assert.That(parts, Is.EqualTo(new[] { (0L, a.Length), ((long)a.Length, b.Length) }));
    }
}
