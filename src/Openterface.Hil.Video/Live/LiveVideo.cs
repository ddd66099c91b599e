using Microsoft.Extensions.Logging;
using Openterface.Hil.Imaging;

namespace Openterface.Hil.Video;

/// <summary>
/// The live picture the operator API works with: pumps an <see cref="IFrameSource"/> on a background task, keeps
/// the latest frame, a <see cref="FrameRing"/> of the last seconds and the signal health, and hands out frames
/// newer than a point in time. Owns the source: disposing the live video disposes it.
/// </summary>
public sealed partial class LiveVideo : IAsyncDisposable
{
    private readonly IFrameSource _source;
    private readonly IJpegFrameSource? _jpegSource;
    private readonly LiveVideoOptions _options;
    private readonly Lock _gate = new();
    private readonly List<FrameWaiter> _waiters = [];
    private readonly List<(SignalHealthKind Kind, string Evidence)> _raise = [];
    private readonly HealthMonitor _health;
    private readonly JpegBuffer _encoded = new();
    private readonly CancellationTokenSource _stop = new();
    private IFrameSink[] _sinks = [];
    private Frame? _latest;
    private Task _pump = Task.CompletedTask;
    private ITimer? _timer;
    private bool _disposed;
    private long _badFrames;

    private LiveVideo(IFrameSource source, LiveVideoOptions options)
    {
        _source = source;
        _jpegSource = source as IJpegFrameSource;
        _options = options;
        Logger = VideoLog.Create(options.LoggerFactory);
        _health = new HealthMonitor(options.Health, options.TimeProvider);
        Ring = new FrameRing(options.RingLength, options.RingMaxBytes, options.TimeProvider, Logger);
    }

    /// <summary>Raised on every health change, on the pump or timer thread; handlers must return quickly.</summary>
    public event EventHandler<SignalHealthEvent>? HealthChanged;

    public string SourceUri => _source.Uri;

    /// <summary>The last seconds of video, for failure-window videos.</summary>
    public FrameRing Ring { get; }

    /// <summary>The current condition of the capture path.</summary>
    public SignalHealth Health
    {
        get
        {
            lock (_gate)
            {
                return _health.Current;
            }
        }
    }

    /// <summary>Frames the source delivered that could not be used (corrupt, oversized) and were skipped.</summary>
    public long BadFrames
    {
        get
        {
            lock (_gate)
            {
                return _badFrames;
            }
        }
    }

    internal TimeProvider TimeProvider => _options.TimeProvider;

    internal ILogger Logger { get; }

    /// <summary>Starts pumping <paramref name="source"/>; the live video owns the source from now on.</summary>
    public static LiveVideo Start(IFrameSource source, LiveVideoOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var video = new LiveVideo(source, options ?? new LiveVideoOptions());
        var interval = video._options.Health.CheckInterval;
        video._timer = video.TimeProvider.CreateTimer(static state => ((LiveVideo)state!).OnTick(), video, interval, interval);
        video._pump = Task.Run(video.PumpAsync);
        return video;
    }

    /// <summary>The latest frame (the caller owns this share and disposes it), or null before the first frame.</summary>
    public Frame? TryGetLatest()
    {
        lock (_gate)
        {
            return _latest?.Share();
        }
    }

    /// <summary>
    /// The first frame captured after <paramref name="capturedAfterTimestamp"/> (a <see cref="TimeProvider.GetTimestamp"/>
    /// value); the caller disposes it. Throws a <see cref="VideoException"/> with <see cref="VideoException.IsRigFault"/>
    /// when the source is unhealthy (no frames, source lost, no signal for too long).
    /// </summary>
    public ValueTask<Frame> WaitForFrameAsync(long capturedAfterTimestamp, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        FrameWaiter waiter;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_latest is { } latest && latest.Timestamp > capturedAfterTimestamp)
            {
                return new ValueTask<Frame>(latest.Share());
            }

            if (_health.WaiterFault(TimeProvider.GetTimestamp()) is { } fault)
            {
                throw new VideoException($"No fresh frame from '{SourceUri}'. {fault}", isRigFault: true);
            }

            waiter = new FrameWaiter(capturedAfterTimestamp);
            _waiters.Add(waiter);
        }

        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.Register(() =>
            {
                lock (_gate)
                {
                    _waiters.Remove(waiter);
                }

                waiter.TrySetCanceled(cancellationToken);
            });
        }

        return new ValueTask<Frame>(WaitAsync(waiter));
    }

    /// <summary>Notes that input was sent to the target: identical frames from now on may be a frozen capture.</summary>
    public void NoteInputSent()
    {
        lock (_gate)
        {
            _health.OnInputSent(TimeProvider.GetTimestamp());
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (_timer is not null)
        {
            await _timer.DisposeAsync().ConfigureAwait(false);
        }

        await _pump.ConfigureAwait(false);
        await _source.DisposeAsync().ConfigureAwait(false);
        Frame? latest;
        lock (_gate)
        {
            FailWaiters(new ObjectDisposedException(nameof(LiveVideo), $"The live video of '{SourceUri}' was stopped."));
            latest = _latest;
            _latest = null;
        }

        latest?.Dispose();
        _stop.Dispose();
    }

    internal void AddSink(IFrameSink sink)
    {
        lock (_gate)
        {
            _sinks = [.. _sinks, sink];
        }
    }

    internal void RemoveSink(IFrameSink sink)
    {
        lock (_gate)
        {
            _sinks = _sinks.Where(s => s != sink).ToArray();
        }
    }

    private static async Task<Frame> WaitAsync(FrameWaiter waiter)
    {
        try
        {
            return await waiter.Task.ConfigureAwait(false);
        }
        finally
        {
            await waiter.Registration.DisposeAsync().ConfigureAwait(false);
        }
    }
}
