using Microsoft.Extensions.Logging;

namespace Openterface.Hil.Device;

/// <summary>
/// The target's serial console: a dedicated reader appends every byte to <see cref="Transcript"/>; writes go to the
/// port. When the port vanishes (USB-UART unplugged, ser2net gone) the link reports <see cref="LinkState.Disconnected"/>
/// and reopens the same URI every <see cref="ConsoleLinkOptions.ReconnectInterval"/> until it is back or closed,
/// exactly like the CH9329 link. <see cref="Events"/> records losses and reconnects (evidence for rig faults).
/// </summary>
internal sealed class ConsoleLink : IAsyncDisposable
{
    private readonly ConsoleEndpoint _endpoint;
    private readonly ConsoleLinkOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly List<string> _events = [];
    private ISerialPort? _port;
    private Task _reader = Task.CompletedTask;
    private long _lostAt;
    private volatile LinkState _state = LinkState.Connected;

    private ConsoleLink(ConsoleEndpoint endpoint, ConsoleLinkOptions options)
    {
        _endpoint = endpoint;
        _options = options;
        _logger = options.LoggerFactory.CreateLogger(SerialLog.Category);
        Transcript = new ConsoleTranscript(options.TimeProvider);
    }

    public string Uri => _endpoint.Uri;

    public int BaudRate => _endpoint.BaudRate;

    public ConsoleTranscript Transcript { get; }

    public LinkState State => _state;

    /// <summary>How long the console has been gone (zero while connected).</summary>
    public TimeSpan DisconnectedFor => _state == LinkState.Disconnected
        ? _options.TimeProvider.GetElapsedTime(Interlocked.Read(ref _lostAt))
        : TimeSpan.Zero;

    /// <summary>Raised when the console is lost, comes back or is closed.</summary>
    public event EventHandler<LinkStateChangedEventArgs>? StateChanged;

    /// <summary>"HH:mm:ss.fff console lost: ..." / "... reconnected" lines, oldest first.</summary>
    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Opens the console at <paramref name="uri"/>; a missing port is a <see cref="DeviceNotFoundException"/>.</summary>
    public static async Task<ConsoleLink> OpenAsync(string uri, ConsoleLinkOptions? options = null, CancellationToken cancellationToken = default)
    {
        var link = new ConsoleLink(ConsoleEndpoint.Parse(uri), options ?? new ConsoleLinkOptions());
        try
        {
            await link.ConnectAsync(cancellationToken).ConfigureAwait(false);
            return link;
        }
        catch
        {
            await link.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends bytes to the target's console input; throws a transient <see cref="DeviceException"/> while disconnected.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var port = _port;
            if (port is null || _state != LinkState.Connected)
            {
                throw new DeviceException($"Console '{Uri}' is disconnected; reconnecting. Check the USB-UART cable (or ser2net).", isTransient: true);
            }

            await port.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_lifetime.IsCancellationRequested)
        {
            return;
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);
        _state = LinkState.Closed;
        await ClosePortAsync().ConfigureAwait(false);
        StateChanged?.Invoke(this, new LinkStateChangedEventArgs(LinkState.Closed, Uri));
        _lifetime.Dispose();
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var open = _options.OpenPort ?? ((e, ct) => e.OpenAsync(_logger, ct));
        var port = await open(_endpoint, cancellationToken).ConfigureAwait(false);
        _port = port;
        var stop = _lifetime.Token;
        _reader = Task.Run(() => ReadLoopAsync(port, stop), CancellationToken.None);
    }

    private async Task ReadLoopAsync(ISerialPort port, CancellationToken stop)
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var count = await port.ReadAsync(buffer, stop).ConfigureAwait(false);
                Transcript.Append(buffer.AsSpan(0, count));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (DeviceException e) when (!stop.IsCancellationRequested)
        {
            OnLost(e);
        }
    }

    private void OnLost(DeviceException reason)
    {
        Interlocked.Exchange(ref _lostAt, _options.TimeProvider.GetTimestamp());
        _state = LinkState.Disconnected;
        Note("console lost: " + reason.Message);
        SerialLog.PortVanished(_logger, Uri, reason.Message);
        StateChanged?.Invoke(this, new LinkStateChangedEventArgs(LinkState.Disconnected, Uri, reason));
        _ = Task.Run(() => ReconnectLoopAsync(_lifetime.Token), CancellationToken.None);
    }

    private async Task ReconnectLoopAsync(CancellationToken cancellationToken)
    {
        var old = Interlocked.Exchange(ref _port, null);
        if (old is not null)
        {
            await old.DisposeAsync().ConfigureAwait(false);
        }

        string? lastFailure = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.ReconnectInterval, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
                await ConnectAsync(cancellationToken).ConfigureAwait(false);
                _state = LinkState.Connected;
                Note("console reconnected: " + Uri);
                SerialLog.Reconnected(_logger, Uri);
                StateChanged?.Invoke(this, new LinkStateChangedEventArgs(LinkState.Connected, Uri));
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HilException or IOException)
            {
                if (e.Message != lastFailure)
                {
                    Note("console reconnect failed: " + e.Message);
                    lastFailure = e.Message;
                }
            }
        }
    }

    private async Task ClosePortAsync()
    {
        try
        {
#pragma warning disable VSTHRD003 // the reader belongs to this link; wait for it before disposing its port.
            await _reader.ConfigureAwait(false);
#pragma warning restore VSTHRD003
        }
        catch (OperationCanceledException)
        {
        }

        var port = Interlocked.Exchange(ref _port, null);
        if (port is not null)
        {
            await port.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Note(string text)
    {
        var line = _options.TimeProvider.GetUtcNow().UtcDateTime.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture) + " " + text;
        lock (_events)
        {
            _events.Add(line);
            if (_events.Count > 200)
            {
                _events.RemoveAt(0);
            }
        }
    }
}
