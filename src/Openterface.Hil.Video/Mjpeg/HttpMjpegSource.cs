using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Openterface.Hil.Imaging;

namespace Openterface.Hil.Video;

/// <summary>
/// MJPEG over HTTP (ustreamer, mjpg-streamer, the simulator's <c>MjpegHttpServer</c>). A dropped stream is
/// reconnected with backoff; only when reconnecting fails for <see cref="FrameSourceOptions.ReconnectTimeout"/>
/// does a read throw. A stream that sends something other than JPEG parts fails the read with a clear error
/// and is reconnected on the next read.
/// </summary>
internal sealed class HttpMjpegSource : IFrameSource, IJpegFrameSource
{
    private readonly HttpClient _client;
    private readonly FrameSourceOptions _options;
    private readonly FrameStamper _stamper;
    private readonly ILogger _logger;
    private readonly JpegBuffer _jpeg = new();
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
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public string Uri { get; }

    public ReadOnlySpan<byte> LastJpeg => _jpeg.Span;

    internal static async Task<HttpMjpegSource> OpenAsync(Uri uri, FrameSourceOptions options, CancellationToken cancellationToken)
    {
        var source = new HttpMjpegSource(uri, options);
        try
        {
            await source.ConnectAsync(cancellationToken).ConfigureAwait(false);
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
                complete = await _reader!.ReadPartAsync(_jpeg, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                _logger.StreamDropped(Uri, e.Message);
                Disconnect();
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
                continue;
            }

            var arrivedAt = _stamper.Now();
            try
            {
                return _stamper.Stamp(JpegCodec.Decode(_jpeg.Span, Uri), arrivedAt);
            }
            catch (VideoException)
            {
                Disconnect();
                throw;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Disconnect();
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task ReconnectAsync(CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        var started = time.GetTimestamp();
        var delay = _options.ReconnectDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ConnectAsync(cancellationToken).ConfigureAwait(false);
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

    private async Task ConnectAsync(CancellationToken cancellationToken)
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
            _reader = new MultipartMjpegReader(body, boundary, Uri);
            _response = response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
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
        _reader = null;
        _response?.Dispose();
        _response = null;
    }
}
