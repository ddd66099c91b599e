using Openterface.Hil.Imaging;

namespace Openterface.Hil.Simulator.Tests.VideoServer;

// Issue 14, finding 12: with 'Access-Control-Allow-Origin: *' any web page the tester opens could read the target's
// screen from the simulator's loopback port. Neither endpoint may send a CORS header.
[TestFixture]
[CancelAfter(60_000)]
public sealed class MjpegHttpServerHeaderTests
{
    [Test]
    public async Task Neither_the_stream_nor_the_snapshot_allows_other_origins(CancellationToken ct)
    {
        await using var server = MjpegHttpServer.Start();
        using (var frame = Frame.Allocate(32, 24, PixelFormat.Bgr24))
        {
            server.Publish(frame);
        }

        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var stream = await GetHeadersAsync(http, server.Uri, ct);
        using var snapshot = await GetHeadersAsync(http, server.SnapshotUri, ct);

        Assert.Multiple(() =>
        {
            Assert.That(stream.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), "the stream answers");
            Assert.That(stream.Content.Headers.ContentType?.MediaType, Is.EqualTo("multipart/x-mixed-replace"));
            Assert.That(snapshot.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), "the snapshot answers");
            Assert.That(snapshot.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/jpeg"));
            Assert.That(HeaderNames(stream), Has.None.StartsWith("Access-Control-"), "stream headers");
            Assert.That(HeaderNames(snapshot), Has.None.StartsWith("Access-Control-"), "snapshot headers");
        });
    }

    private static async Task<HttpResponseMessage> GetHeadersAsync(HttpClient http, Uri uri, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Add("Origin", "http://page-the-tester-opened.invalid");
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
    }

    private static string[] HeaderNames(HttpResponseMessage response) =>
        [.. response.Headers.Concat(response.Content.Headers).Select(h => h.Key)];
}
