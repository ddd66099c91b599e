using System.Drawing;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Openterface.Hil.Simulator;

namespace Openterface.Hil.Video.Tests;

[CancelAfter(20_000)]
public class HttpMjpegSourceTests
{
    private static readonly byte[] Big = TestJpegs.PatternJpeg(64, 48, 1);
    private static readonly byte[] Small = TestJpegs.PatternJpeg(32, 24, 2);

    [Test]
    public async Task Frames_served_by_the_simulator_arrive_numbered_with_their_own_size(CancellationToken ct)
    {
        await using var server = MjpegHttpServer.Start();
        await using var source = await FrameSources.OpenAsync(server.Uri.ToString(), cancellationToken: ct);

        server.Publish(Big);
        using var first = await source.ReadFrameAsync(ct);
        server.Publish(Small);
        using var second = await source.ReadFrameAsync(ct);

        Assert.Multiple(() =>
        {
            Assert.That(first.Size, Is.EqualTo(new Size(64, 48)));
            Assert.That(second.Size, Is.EqualTo(new Size(32, 24)), "size comes from each JPEG");
            Assert.That((first.Sequence, second.Sequence), Is.EqualTo((1L, 2L)));
            Assert.That(second.Timestamp, Is.GreaterThan(first.Timestamp));
            Assert.That(first.Source, Is.EqualTo(server.Uri.ToString()));
            Assert.That(((IJpegFrameSource)source).LastJpeg.SequenceEqual(Small), Is.True, "the JPEG bytes are kept for the ring");
        });
    }

    // Issue 14, finding 13: this test used to publish Small in a loop while the reconnect ran and expected Small.
    // A reconnect legitimately delivers the server's current frame first (ustreamer does the same), and when the
    // reconnect won the race against the first Publish(Small) that was still Big. The product is right; the test now
    // makes the server's current frame deterministic before the read starts.
    [Test]
    public async Task A_dropped_stream_is_reconnected_and_numbering_continues(CancellationToken ct)
    {
        await using var server = MjpegHttpServer.Start();
        await using var source = await FrameSources.OpenAsync(server.Uri.ToString(), cancellationToken: ct);
        server.Publish(Big);
        using var before = await source.ReadFrameAsync(ct);

        server.Faults.DropConnections();
        server.Publish(Small);
        using var after = await source.ReadFrameAsync(ct);

        Assert.Multiple(() =>
        {
            Assert.That(after.Size, Is.EqualTo(new Size(32, 24)), "the server's current frame when the reconnect arrived");
            Assert.That(after.Sequence, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_reconnect_delivers_the_servers_current_frame_first(CancellationToken ct)
    {
        await using var server = MjpegHttpServer.Start();
        await using var source = await FrameSources.OpenAsync(server.Uri.ToString(), cancellationToken: ct);
        server.Publish(Big);
        using var before = await source.ReadFrameAsync(ct);

        server.Faults.DropConnections();
        using var after = await source.ReadFrameAsync(ct);

        Assert.Multiple(() =>
        {
            Assert.That(after.Size, Is.EqualTo(new Size(64, 48)), "nothing new was published: the current frame again");
            Assert.That(after.Sequence, Is.EqualTo(2), "numbering continues across the reconnect");
        });
    }

    [Test]
    public async Task A_stream_that_stalls_is_dropped_after_the_stall_timeout_and_the_read_names_the_stall(CancellationToken ct)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serve = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync(ct);
            var stream = client.GetStream();
            _ = await stream.ReadAtLeastAsync(new byte[4096], 16, throwOnEndOfStream: false, ct);
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                "HTTP/1.0 200 OK\r\nContent-Type: multipart/x-mixed-replace;boundary=b\r\n\r\n--b\r\n"), ct);
            _ = await stream.ReadAsync(new byte[16], ct);
        }, ct);
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var options = new FrameSourceOptions { TimeProvider = time, StallTimeout = TimeSpan.FromSeconds(5) };
        await using var source = await FrameSources.OpenAsync($"http://127.0.0.1:{port}/stream", options, ct);

        var read = source.ReadFrameAsync(ct).AsTask();
        for (var i = 0; i < 20 && !read.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(read, Task.Delay(50, ct));
        }

        var error = Assert.ThrowsAsync<VideoException>(() => read);
        await serve;
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.StartWith($"MJPEG stream 'http://127.0.0.1:{port}/stream' stalled: no data for 5 s"));
            Assert.That(error.IsRigFault, Is.True);
        });
    }

    [Test]
    public async Task A_stream_that_sends_garbage_fails_the_read_with_a_clear_error(CancellationToken ct)
    {
        await using var server = MjpegHttpServer.Start();
        server.Faults.Garbage = true;
        server.Publish(Big);
        await using var source = await FrameSources.OpenAsync(server.Uri.ToString(), cancellationToken: ct);

        var error = Assert.ThrowsAsync<BadFrameException>(async () => await source.ReadFrameAsync(ct));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.StartWith($"Frame from '{server.Uri}' is not a JPEG"));
            Assert.That(error.Message, Does.EndWith("Check that the source sends MJPEG."));
            Assert.That(error.IsRigFault, Is.True);
        });
    }

    [Test]
    public async Task A_url_that_is_not_an_mjpeg_stream_is_refused_with_its_content_type(CancellationToken ct)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serve = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync(ct);
            var stream = client.GetStream();
            _ = await stream.ReadAtLeastAsync(new byte[4096], 16, throwOnEndOfStream: false, ct);
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<html>login</html>"), ct);
        }, ct);

        var error = Assert.ThrowsAsync<VideoException>(() => FrameSources.OpenAsync($"http://127.0.0.1:{port}/", cancellationToken: ct));
        await serve;

        Assert.That(error!.Message, Does.Contain("is not an MJPEG stream: Content-Type is 'text/html', expected 'multipart/x-mixed-replace'"));
    }

    [Test]
    public void A_port_nobody_listens_on_gives_a_connect_error_with_a_remedy()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var error = Assert.ThrowsAsync<VideoException>(() => FrameSources.OpenAsync($"http://127.0.0.1:{port}/stream"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.StartWith($"Cannot connect to MJPEG stream 'http://127.0.0.1:{port}/stream'"));
            Assert.That(error.Message, Does.Contain("Check that the streamer"));
        });
    }

    [Test]
    public async Task A_frame_source_is_served_with_its_own_jpeg_bytes(CancellationToken ct)
    {
        using var folder = new TempDirectory();
        await File.WriteAllBytesAsync(folder.File("a.jpg"), Big, ct);
        var replay = await FrameSources.OpenAsync(new Uri(folder.Path).AbsoluteUri + "?fps=50", cancellationToken: ct);
        await using var server = MjpegHttpServer.Start(replay);
        await using var source = await FrameSources.OpenAsync(server.Uri.ToString(), cancellationToken: ct);

        using var frame = await source.ReadFrameAsync(ct);

        Assert.Multiple(() =>
        {
            Assert.That(frame.Size, Is.EqualTo(new Size(64, 48)));
            Assert.That(((IJpegFrameSource)source).LastJpeg.SequenceEqual(Big), Is.True, "JPEG sources are passed through, not re-encoded");
        });
    }

    [Test]
    public async Task The_snapshot_endpoint_serves_the_current_jpeg(CancellationToken ct)
    {
        await using var server = MjpegHttpServer.Start();
        server.Publish(Big);
        using var http = new HttpClient();

        var bytes = await http.GetByteArrayAsync(server.SnapshotUri, ct);

        Assert.That(bytes, Is.EqualTo(Big));
    }

    [Test]
    public async Task Server_faults_change_the_served_frames(CancellationToken ct)
    {
        await using var server = MjpegHttpServer.Start();
        await using var source = await FrameSources.OpenAsync(server.Uri.ToString(), cancellationToken: ct);

        server.Faults.Resolution = new Size(20, 10);
        server.Publish(Big);
        using var resized = await source.ReadFrameAsync(ct);
        server.Faults.Resolution = null;
        server.Faults.NoSignal = true;
        server.Publish(Big);
        using var black = await source.ReadFrameAsync(ct);
        server.Faults.NoSignal = false;
        server.Faults.Frozen = true;
        server.Publish(Small);
        using var frozen = await source.ReadFrameAsync(ct);

        Assert.Multiple(() =>
        {
            Assert.That(resized.Size, Is.EqualTo(new Size(20, 10)));
            Assert.That(black.Size, Is.EqualTo(new Size(64, 48)));
            Assert.That(black.Pixels.ToArray().Max(), Is.LessThan(8), "no-signal frames are black");
            Assert.That(frozen.Size, Is.EqualTo(new Size(64, 48)), "frozen keeps serving the last frame");
            Assert.That(frozen.Pixels.SequenceEqual(black.Pixels), Is.True);
        });
    }
}
