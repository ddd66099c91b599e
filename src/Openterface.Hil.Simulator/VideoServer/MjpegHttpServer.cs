using System.Net;
using System.Net.Sockets;
using Openterface.Hil.Imaging;
using Openterface.Hil.Video;

namespace Openterface.Hil.Simulator;

/// <summary>
/// Serves JPEG frames as MJPEG over HTTP on loopback, like ustreamer: <c>/stream</c> (multipart/x-mixed-replace,
/// boundary "boundarydonotcross", a Content-Length and X-Timestamp per part) and <c>/snapshot</c> (one JPEG).
/// Frames are pushed with <see cref="Publish(ReadOnlyMemory{byte})"/>, replayed, or pumped from an
/// <see cref="IFrameSource"/>. <see cref="Faults"/> injects capture-side faults.
/// </summary>
public sealed partial class MjpegHttpServer : IAsyncDisposable
{
    internal const string Boundary = "boundarydonotcross";
    private readonly TcpListener _listener;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _clients = [];
    private readonly Task _accept;
    private TaskCompletionSource _next = NewSignal();
    private ReadOnlyMemory<byte> _current;
    private long _version;
    private long _published;
    private Task _pump = Task.CompletedTask;

    private MjpegHttpServer(int port, TimeProvider time)
    {
        _time = time;
        Faults = new MjpegServerFaults(this);
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        var endpoint = (IPEndPoint)_listener.LocalEndpoint;
        Uri = new Uri($"http://127.0.0.1:{endpoint.Port}/stream");
        SnapshotUri = new Uri($"http://127.0.0.1:{endpoint.Port}/snapshot");
        _accept = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The stream URL, e.g. http://127.0.0.1:40123/stream.</summary>
    public Uri Uri { get; }

    /// <summary>One JPEG of the current frame.</summary>
    public Uri SnapshotUri { get; }

    public MjpegServerFaults Faults { get; }

    /// <summary>Frames published so far (after faults were applied).</summary>
    public long FramesPublished => Interlocked.Read(ref _published);

    /// <summary>Stream connections open now.</summary>
    public int ConnectionCount
    {
        get
        {
            lock (_gate)
            {
                return _clients.Count;
            }
        }
    }

    /// <summary>Starts a server for pushed frames on 127.0.0.1 (port 0 picks a free port).</summary>
    public static MjpegHttpServer Start(int port = 0, TimeProvider? timeProvider = null) =>
        new(port, timeProvider ?? TimeProvider.System);

    /// <summary>Starts a server that serves every frame of <paramref name="source"/> (and disposes it when stopped).</summary>
    public static MjpegHttpServer Start(IFrameSource source, int port = 0, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var server = Start(port, timeProvider);
        server._pump = Task.Run(() => server.PumpAsync(source));
        return server;
    }

    /// <summary>Publishes a JPEG; the server keeps a reference, so the caller must not change the bytes afterwards.</summary>
    public void Publish(ReadOnlyMemory<byte> jpeg)
    {
        if (!JpegInfo.IsJpeg(jpeg.Span))
        {
            throw new ArgumentException("Publish JPEG bytes (they start with FF D8).", nameof(jpeg));
        }

        PublishCore(ApplyFaults(jpeg));
    }

    /// <summary>Publishes a frame (encoded as JPEG, quality 85).</summary>
    public void Publish(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        PublishCore(ApplyFaults(frame.EncodeJpeg(85)));
    }

    /// <summary>Publishes <paramref name="jpegs"/> one after the other at <paramref name="framesPerSecond"/> until cancelled.</summary>
    public async Task ReplayAsync(IReadOnlyList<ReadOnlyMemory<byte>> jpegs, double framesPerSecond, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jpegs);
        ArgumentOutOfRangeException.ThrowIfZero(jpegs.Count);
        var started = _time.GetTimestamp();
        var period = TimeSpan.FromSeconds(1 / framesPerSecond);
        for (long i = 0; !cancellationToken.IsCancellationRequested; i++)
        {
            var due = TimeSpan.FromTicks(period.Ticks * i) - _time.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, _time, cancellationToken).ConfigureAwait(false);
            }

            Publish(jpegs[(int)(i % jpegs.Count)]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        DropConnections();
        try
        {
#pragma warning disable VSTHRD003 // Our own accept and pump loops, awaited with ConfigureAwait(false).
            await _accept.ConfigureAwait(false);
            await _pump.ConfigureAwait(false);
#pragma warning restore VSTHRD003
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _next.TrySetResult();
        _stop.Dispose();
    }

    internal void DropConnections()
    {
        TcpClient[] clients;
        lock (_gate)
        {
            clients = [.. _clients];
            _clients.Clear();
        }

        foreach (var client in clients)
        {
            client.Client.LingerState = new LingerOption(true, 0);
            client.Dispose();
        }
    }

    private void PublishCore(ReadOnlyMemory<byte> jpeg)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            _current = jpeg;
            _version++;
            signal = _next;
            _next = NewSignal();
        }

        Interlocked.Increment(ref _published);
        signal.TrySetResult();
    }

    private async Task PumpAsync(IFrameSource source)
    {
        await using (source.ConfigureAwait(false))
        {
            var jpegSource = source as IJpegFrameSource;
            while (!_stop.IsCancellationRequested)
            {
                Frame frame;
                try
                {
                    frame = await source.ReadFrameAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                using (frame)
                {
                    var jpeg = jpegSource is null ? default : jpegSource.LastJpeg;
                    if (jpeg.IsEmpty)
                    {
                        Publish(frame);
                    }
                    else
                    {
                        Publish(jpeg.ToArray());
                    }
                }
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
