using System.Text;

namespace Openterface.Hil.Video.Tests;

public class MultipartMjpegReaderTests
{
    private static readonly byte[] First = TestJpegs.PatternJpeg(32, 16, 1);
    private static readonly byte[] Second = TestJpegs.PatternJpeg(16, 32, 2);

    [Test]
    public async Task Parts_with_content_length_are_read_as_ustreamer_sends_them()
    {
        var body = Concat("--bd\r\n", Part(First, withLength: true), "\r\n--bd\r\n", Part(Second, withLength: true), "\r\n--bd\r\n");

        var parts = await ReadAll(body, "bd");

        Assert.That(parts, Is.EqualTo(new[] { First, Second }));
    }

    [Test]
    public async Task Parts_without_content_length_end_at_the_next_boundary()
    {
        var body = Concat("--bd\r\n", Part(First, withLength: false), "\r\n--bd\r\n", Part(Second, withLength: false), "\r\n--bd--\r\n");

        var parts = await ReadAll(body, "bd");

        Assert.That(parts, Is.EqualTo(new[] { First, Second }));
    }

    [Test]
    public async Task Parts_are_read_when_the_stream_arrives_one_byte_at_a_time()
    {
        var body = Concat("\r\n--bd\r\n", Part(First, withLength: false), "\r\n--bd\r\n", Part(Second, withLength: true), "\r\n");

        var parts = await ReadAll(body, "bd", trickle: true);

        Assert.That(parts, Is.EqualTo(new[] { First, Second }));
    }

    [Test]
    public void A_stream_without_the_boundary_is_reported_as_malformed()
    {
        var body = Encoding.ASCII.GetBytes(new string('x', 2 * 1024 * 1024));

        var error = Assert.ThrowsAsync<VideoException>(() => ReadAll(body, "bd"));

        Assert.That(error!.Message, Does.StartWith("MJPEG stream 'test' is malformed: no boundary '--bd' within"));
    }

    [Test]
    public void A_bad_content_length_is_reported_with_its_value()
    {
        var body = Concat("--bd\r\nContent-Length: lots\r\n\r\n", First);

        var error = Assert.ThrowsAsync<VideoException>(() => ReadAll(body, "bd"));

        Assert.That(error!.Message, Does.Contain("bad Content-Length 'lots'"));
    }

    private static async Task<List<byte[]>> ReadAll(byte[] body, string boundary, bool trickle = false)
    {
        Stream stream = trickle ? new TrickleStream(body) : new MemoryStream(body);
        var reader = new MultipartMjpegReader(stream, boundary, "test");
        var buffer = new JpegBuffer(8);
        var parts = new List<byte[]>();
        while (await reader.ReadPartAsync(buffer, CancellationToken.None))
        {
            parts.Add(buffer.Span.ToArray());
        }

        return parts;
    }

    private static byte[] Part(byte[] jpeg, bool withLength) => Concat(
        "Content-Type: image/jpeg\r\n" + (withLength ? $"Content-Length: {jpeg.Length}\r\nX-Timestamp: 1.5\r\n" : string.Empty) + "\r\n",
        jpeg);

    private static byte[] Concat(params object[] pieces) =>
        pieces.SelectMany(p => p is string s ? Encoding.ASCII.GetBytes(s) : (byte[])p).ToArray();

    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}
