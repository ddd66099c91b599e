using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Openterface.Hil.Imaging;

namespace Openterface.Hil.Video;

/// <summary>
/// MJPEG over HTTP (ustreamer, mjpg-streamer, the simulator's <c>MjpegHttpServer</c>). A dropped stream is
/// reconnected with backoff; only when reconnecting fails for <see cref="FrameSourceOptions.ReconnectTimeout"/>
/// does a read throw. A stream that sends something other than multipart JPEG parts fails the read with a clear
/// error and is reconnected on the next read; a single unusable part is a <see cref="BadFrameException"/> and the
/// connection stays. A connection that delivers no byte for <see cref="FrameSourceOptions.StallTimeout"/> (while
/// connecting or reading) is dropped and the read fails naming the stall.
/// </summary>
internal sealed partial class HttpMjpegSource : IFrameSource, IJpegFrameSource
{
    private readonly HttpClient _client;
    private readonly FrameSourceOptions _options;
    private readonly FrameStamper _stamper;
    private readonly ILogger _logger;
    private readonly JpegBuffer _jpeg = new();
    private readonly Lock _gate = new();
    private readonly Func<CancellationToken, ValueTask<bool>> _readPart;
    private readonly Func<CancellationToken, ValueTask<bool>> _connect;
    private HttpResponseMessage? _response;
    private MultipartMjpegReader? _reader;

    private HttpMjpegSource(Uri uri, FrameSourceOptions options)
    {
        Uri = uri.ToString();
        _options = options;
        _stamper = new FrameStamper(options.TimeProvider, Uri);
        _logger = VideoLog.Create(options.LoggerFactory);
        _client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            // Stalls are detected by the watchdog on the source's TimeProvider, not by HttpClient's own timer.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _readPart = ReadPartAsync;
        _connect = ConnectAsync;
        var period = TimeSpan.FromTicks(Math.Max(options.StallTimeout.Ticks / 4, TimeSpan.FromMilliseconds(20).Ticks));
        _watchdog = options.TimeProvider.CreateTimer(static state => ((HttpMjpegSource)state!).CheckStall(), this, period, period);
    }

    public string Uri { get; }

    public ReadOnlySpan<byte> LastJpeg => _jpeg.Span;

    internal static async Task<HttpMjpegSource> OpenAsync(Uri uri, FrameSourceOptions options, CancellationToken cancellationToken)
    {
        var source = new HttpMjpegSource(uri, options);
        try
        {
            await source.GuardedAsync(source._connect, cancellationToken).ConfigureAwait(false);
            source._logger.Opened(source.Uri, "MJPEG over HTTP");
            return source;
        }
        catch
        {
            await source.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<Frame> ReadFrameAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (_reader is null)
            {
                await ReconnectAsync(cancellationToken).ConfigureAwait(false);
            }

            bool complete;
            try
            {
                complete = await GuardedAsync(_readPart, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                _logger.StreamDropped(Uri, e.Message);
                Disconnect();
                await NoteDropAsync(e.Message, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (VideoException)
            {
                Disconnect();
                throw;
            }

            if (!complete)
            {
                _logger.StreamDropped(Uri, "end of stream");
                Disconnect();
                await NoteDropAsync("the server closed the stream", cancellationToken).ConfigureAwait(false);
                continue;
            }

            _framesOnConnection++;
            var arrivedAt = _stamper.Now();
            try
            {
                return _stamper.Stamp(JpegCodec.Decode(_jpeg.Span, Uri), arrivedAt);
            }
            catch (BadFrameException)
            {
                // The part was framed correctly: the connection is fine, only this picture is not.
                throw;
            }
            catch (VideoException)
            {
                Disconnect();
                throw;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _watchdog.DisposeAsync().ConfigureAwait(false);
        Disconnect();
        _client.Dispose();
        _io.Dispose();
    }

    private ValueTask<bool> ReadPartAsync(CancellationToken cancellationToken) =>
        _reader!.ReadPartAsync(_jpeg, cancellationToken);

    private async Task ReconnectAsync(CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        var started = time.GetTimestamp();
        var delay = _options.ReconnectDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await GuardedAsync(_connect, cancellationToken).ConfigureAwait(false);
                _logger.Reconnected(Uri, attempt);
                return;
            }
            catch (VideoException e) when (!cancellationToken.IsCancellationRequested)
            {
                if (time.GetElapsedTime(started) + delay > _options.ReconnectTimeout)
                {
                    throw new VideoException(
                        $"MJPEG stream '{Uri}' is gone: reconnecting failed for {_options.ReconnectTimeout.TotalSeconds:0.#} s " +
                        $"({attempt} attempts; last error: {e.Message})",
                        isRigFault: true,
                        e);
                }
            }

            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(1).Ticks));
        }
    }

    private async ValueTask<bool> ConnectAsync(CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _client.GetAsync(Uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new VideoException(
                $"Cannot connect to MJPEG stream '{Uri}': {e.Message}. Check that the streamer (ustreamer or 'hil sim') " +
                "runs and that host and port are right.",
                isRigFault: true,
                e);
        }

        try
        {
            var boundary = CheckResponse(response);
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _reader = new MultipartMjpegReader(body, boundary, Uri);
                _response = response;
            }
        }
        catch
        {
            response.Dispose();
            throw;
        }

        return true;
    }

    private string CheckResponse(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new VideoException(
                $"MJPEG stream '{Uri}' answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}. " +
                "Check the path (ustreamer serves '/stream').",
                isRigFault: true);
        }

        var type = response.Content.Headers.ContentType;
        var boundary = BoundaryOf(type);
        if (type?.MediaType is not "multipart/x-mixed-replace" || boundary is null)
        {
            throw new VideoException(
                $"'{Uri}' is not an MJPEG stream: Content-Type is '{type?.ToString() ?? "none"}', expected " +
                "'multipart/x-mixed-replace' with a boundary. Use the stream URL (ustreamer: '/stream').",
                isRigFault: true);
        }

        return boundary;
    }

    private static string? BoundaryOf(MediaTypeHeaderValue? type)
    {
        var value = type?.Parameters.FirstOrDefault(p => string.Equals(p.Name, "boundary", StringComparison.OrdinalIgnoreCase))?.Value;
        value = value?.Trim('"');
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private void Disconnect()
    {
        HttpResponseMessage? response;
        lock (_gate)
        {
            _reader = null;
            response = _response;
            _response = null;
        }

        response?.Dispose();
    }
}
