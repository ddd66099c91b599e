using Openterface.Hil.Protocol;

namespace Openterface.Hil.Device;

/// <summary>Opening, baud probing, the reader loop, losing and regaining the port.</summary>
internal sealed partial class Ch9329Link
{
    private async Task ConnectAsync(string uri, CancellationToken cancellationToken)
    {
        DeviceException? last = null;
        var opened = false;
        foreach (var baud in _options.BaudRates)
        {
            try
            {
                // One open for the whole probe: each open() asserts DTR, which on gen1 cuts the USB-A port's ground
                // (reference §1.2). Other rates are tried with tcsetattr on the open descriptor.
                if (!opened || _port is not IBaudRatePort)
                {
                    await OpenPortAsync(uri, baud, cancellationToken).ConfigureAwait(false);
                    opened = true;
                }
                else
                {
                    await SetBaudRateAsync(baud, cancellationToken).ConfigureAwait(false);
                }

                var info = await ProbeAsync(uri, baud, cancellationToken).ConfigureAwait(false);
                SerialLog.Connected(_logger, uri, baud, info.VersionText, info.TargetEnumerated);
                return;
            }
            catch (ProbeFailedException e)
            {
                last = e;
            }
        }

        _lost = true;
        await ClosePortAsync().ConfigureAwait(false);
        throw new DeviceException(
            $"The CH9329 on '{uri}' did not answer GET_INFO at {string.Join(" or ", _options.BaudRates)} baud. "
            + "Check that this is the Mini-KVM's control port and the cable is seated; a chip in 'zombie' state needs a factory reset.",
            isTransient: false,
            last);
    }

    /// <summary>Opens <paramref name="uri"/> at <paramref name="baud"/>, applies the modem-line policy, starts its reader and probes it.</summary>
    private async Task<ChipInfo> OpenAndProbeAsync(string uri, int baud, CancellationToken cancellationToken)
    {
        await OpenPortAsync(uri, baud, cancellationToken).ConfigureAwait(false);
        try
        {
            return await ProbeAsync(uri, baud, cancellationToken).ConfigureAwait(false);
        }
        catch (ProbeFailedException)
        {
            _lost = true;
            await ClosePortAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task OpenPortAsync(string uri, int baud, CancellationToken cancellationToken)
    {
        var open = _options.OpenPort ?? ((u, b, ct) => SerialPortFactory.OpenAsync(u, b, _logger, ct));
        var port = await open(uri, baud, cancellationToken).ConfigureAwait(false);
        await ClosePortAsync().ConfigureAwait(false);
        _decoder.Reset();
        _port = port;
        Uri = uri;
        BaudRate = baud;
        await ApplyLinePolicyAsync(port, cancellationToken).ConfigureAwait(false);
        _portReader = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
        var stop = _portReader.Token;
        _readerTask = Task.Run(() => ReadLoopAsync(port, stop), CancellationToken.None);
        _lost = false;
    }

    /// <summary>
    /// Linux asserts DTR and RTS inside open(). On a CH340 (gen1) DTR cuts the USB-A port's ground and RTS held 3 s
    /// factory-resets the CH9329, so both are dropped at once; the CH32V208 acts on RTS as its factory-reset line and
    /// ignores DTR, so its lines are left as the vendor app leaves them (asserted). A pty has no lines: ignored.
    /// </summary>
    private async Task ApplyLinePolicyAsync(ISerialPort port, CancellationToken cancellationToken)
    {
        if (_options.Chip == ControlChip.Ch32V208)
        {
            return;
        }

        try
        {
            await port.SetControlLinesAsync(dtr: false, rts: false, cancellationToken).ConfigureAwait(false);
        }
        catch (DeviceException)
        {
        }
    }

    private async Task SetBaudRateAsync(int baud, CancellationToken cancellationToken)
    {
        if (_port is IBaudRatePort port)
        {
            await port.SetBaudRateAsync(baud, cancellationToken).ConfigureAwait(false);
            _decoder.Reset();
            BaudRate = baud;
        }
    }

    /// <summary>Waits for the chip to settle after open, then sends GET_INFO (two tries).</summary>
    private async Task<ChipInfo> ProbeAsync(string uri, int baud, CancellationToken cancellationToken)
    {
        if (_options.SettleAfterOpen > TimeSpan.Zero)
        {
            await Task.Delay(_options.SettleAfterOpen, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }

        Exception? failure = null;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                var reply = await AttemptAsync(Ch9329Requests.GetInfo(), _options.ReplyTimeout, cancellationToken).ConfigureAwait(false);
                Ch9329Replies.EnsureSuccess(reply);
                var info = ParseInfo(reply);
                LastInfo = info;
                _lastTraffic = _options.TimeProvider.GetTimestamp();
                Epoch++;
                return info;
            }
            catch (Exception e) when (e is ProtocolException or DeviceException { IsTransient: true })
            {
                failure = e;
            }
        }

        throw new ProbeFailedException($"No valid GET_INFO reply on '{uri}' at {baud} baud: {failure?.Message}", failure);
    }

    private async Task ReadLoopAsync(ISerialPort port, CancellationToken stop)
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var count = await port.ReadAsync(buffer, stop).ConfigureAwait(false);
                _decoder.Append(buffer.AsSpan(0, count));
                while (true)
                {
                    try
                    {
                        if (!_decoder.TryRead(out var frame))
                        {
                            break;
                        }

                        Dispatch(frame);
                    }
                    catch (ProtocolException e)
                    {
                        _transcript.Add("RX !! " + e.Message);
                        SerialLog.Garbage(_logger, Uri, e.Message);
                        FailPending(e);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (DeviceException e)
        {
            if (!stop.IsCancellationRequested && ReferenceEquals(port, _port))
            {
                OnPortLost(e);
            }
        }
    }

    private void OnPortLost(DeviceException reason)
    {
        _transcript.Add("-- port lost: " + reason.Message);
        _lost = true;
        SetState(LinkState.Disconnected, reason);
        FailPending(reason);
        if (!_lifetime.IsCancellationRequested)
        {
            _ = Task.Run(() => ReconnectLoopAsync(_lifetime.Token), CancellationToken.None);
        }
    }

    private async Task ReconnectLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.ReconnectInterval, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
                var uri = _options.Resolve is null ? Uri : await _options.Resolve(cancellationToken).ConfigureAwait(false);
                await OpenAndProbeAsync(uri, BaudRate, cancellationToken).ConfigureAwait(false);
                _transcript.Add("-- reconnected: " + uri);
                SerialLog.Reconnected(_logger, uri);
                if (Reconnected is { } callback)
                {
                    await callback(cancellationToken).ConfigureAwait(false);
                }

                SetState(LinkState.Connected, null);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HilException or IOException)
            {
                _transcript.Add("-- reconnect failed: " + e.Message);
            }
        }
    }

    private async Task HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        var interval = _options.HeartbeatInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval / 2, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
                if (State == LinkState.Connected && _options.TimeProvider.GetElapsedTime(Volatile.Read(ref _lastTraffic)) >= interval)
                {
                    await GetInfoAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (HilException e)
            {
                SerialLog.Garbage(_logger, Uri, "heartbeat GET_INFO failed: " + e.Message);
            }
        }
    }

    /// <summary>
    /// After a baud change or reset: waits, switches the open descriptor to <paramref name="baud"/> (no reopen, so no
    /// DTR glitch) and probes; a port without termios (TCP, tests) is reopened instead.
    /// </summary>
    internal async Task ReopenAsync(int baud, TimeSpan settle, CancellationToken cancellationToken)
    {
        if (_port is IBaudRatePort && !_lost)
        {
            await Task.Delay(settle, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            await SetBaudRateAsync(baud, cancellationToken).ConfigureAwait(false);
            await ProbeAsync(Uri, baud, cancellationToken).ConfigureAwait(false);
            return;
        }

        _lost = true;
        await ClosePortAsync().ConfigureAwait(false);
        await Task.Delay(settle, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        await OpenAndProbeAsync(Uri, baud, cancellationToken).ConfigureAwait(false);
    }

    private async Task ClosePortAsync()
    {
        var port = _port;
        _port = null;
        if (_portReader is { } reader)
        {
            await reader.CancelAsync().ConfigureAwait(false);
            try
            {
#pragma warning disable VSTHRD003 // the reader task belongs to this link; wait for it before disposing its port.
                await _readerTask.ConfigureAwait(false);
#pragma warning restore VSTHRD003
            }
            catch (OperationCanceledException)
            {
            }

            reader.Dispose();
            _portReader = null;
        }

        if (port is not null)
        {
            await port.DisposeAsync().ConfigureAwait(false);
        }
    }
}
