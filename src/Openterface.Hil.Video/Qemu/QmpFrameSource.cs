using System.Globalization;
using Openterface.Hil.Imaging;

namespace Openterface.Hil.Video;

/// <summary>
/// A QEMU display as a frame source: <c>qmp:///path/to/qmp.sock</c> (optional <c>?fps=30</c>, default 30).
/// Each read grabs a fresh screen over QMP, no faster than the frame rate, stamped with Sequence, Timestamp,
/// CapturedAt and Source. QMP allows one client per socket: give the frame source its own -qmp socket.
/// </summary>
public sealed class QmpFrameSource : IFrameSource
{
    private readonly QmpClient _client;
    private readonly bool _ownsClient;
    private readonly TimeProvider _timeProvider;
    private readonly QmpScreenCapture _capture = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly long _periodTicks;
    private long _sequence;
    private long _lastCapture;

    internal QmpFrameSource(QmpClient client, bool ownsClient, string uri, double framesPerSecond, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(framesPerSecond);
        _client = client;
        _ownsClient = ownsClient;
        _timeProvider = timeProvider;
        Uri = uri;
        _periodTicks = (long)(timeProvider.TimestampFrequency / framesPerSecond);
    }

    public string Uri { get; }

    /// <summary>Opens <c>qmp:///path/to/qmp.sock[?fps=N]</c>.</summary>
    public static async Task<IFrameSource> OpenAsync(Uri uri, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!string.Equals(uri.Scheme, "qmp", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(uri.AbsolutePath) || uri.AbsolutePath == "/")
        {
            throw new VideoException($"'{uri}' is not a QMP display URI. Use 'qmp:///path/to/qmp.sock' (optionally '?fps=30').");
        }

        var fps = 30.0;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts[0] == "fps" && (parts.Length < 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out fps) || fps <= 0))
            {
                throw new VideoException($"'{uri}': fps must be a positive number, e.g. 'qmp:///run/qmp.sock?fps=30'.");
            }
        }

        QmpClient client;
        try
        {
            client = await QmpClient.ConnectAsync(System.Uri.UnescapeDataString(uri.AbsolutePath), cancellationToken).ConfigureAwait(false);
        }
        catch (QmpException e)
        {
            throw new VideoException(e.Message, isRigFault: true, e);
        }

        return new QmpFrameSource(client, ownsClient: true, uri.ToString(), fps, timeProvider ?? TimeProvider.System);
    }

    public async ValueTask<Frame> ReadFrameAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_lastCapture != 0)
            {
                var wait = _timeProvider.GetElapsedTime(_lastCapture, _timeProvider.GetTimestamp());
                var period = TimeSpan.FromSeconds((double)_periodTicks / _timeProvider.TimestampFrequency);
                if (wait < period)
                {
                    await Task.Delay(period - wait, _timeProvider, cancellationToken).ConfigureAwait(false);
                }
            }

            Frame frame;
            try
            {
                frame = await _capture.CaptureAsync(_client, cancellationToken).ConfigureAwait(false);
            }
            catch (QmpException e)
            {
                throw new VideoException($"QEMU display '{Uri}' stopped delivering frames: {e.Message}", isRigFault: true, e);
            }

            _lastCapture = _timeProvider.GetTimestamp();
            frame.Stamp(++_sequence, _lastCapture, _timeProvider.GetUtcNow(), Uri);
            return frame;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _capture.Dispose();
            if (_ownsClient)
            {
                await _client.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }
    }
}
