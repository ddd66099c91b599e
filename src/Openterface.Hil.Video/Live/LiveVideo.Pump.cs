using Openterface.Hil.Imaging;

namespace Openterface.Hil.Video;

/// <summary>The background side of <see cref="LiveVideo"/>: reading, publishing, health ticks and events.</summary>
public sealed partial class LiveVideo
{
    private async Task PumpAsync()
    {
        var token = _stop.Token;
        var retryDelay = TimeSpan.FromMilliseconds(50);
        while (!token.IsCancellationRequested)
        {
            Frame frame;
            try
            {
                frame = await _source.ReadFrameAsync(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (BadFrameException e)
            {
                SkipBadFrame(e);
                await Task.Yield();
                continue;
            }
#pragma warning disable CA1031 // Whatever a source throws, the pump stays alive: it is logged and becomes the health evidence.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Logger.ReadFailed(SourceUri, e);
                lock (_gate)
                {
                    _health.OnSourceError(e, TimeProvider.GetTimestamp());
                    CollectEventsAndFaults();
                }

                RaiseEvents();
                try
                {
                    await Task.Delay(retryDelay, TimeProvider, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, _options.MaxRetryDelay.Ticks));
                continue;
            }

            retryDelay = TimeSpan.FromMilliseconds(50);
            try
            {
                Publish(frame);
            }
            catch (Exception e) when (e is VideoException or ImagingException or ArgumentException)
            {
                frame.Dispose();
                SkipBadFrame(new BadFrameException($"Frame #{frame.Sequence} from '{SourceUri}' could not be published: {e.Message}", e));
            }
        }
    }

    /// <summary>A frame that could not be used: counted, logged (the first of a run as a warning) and skipped.</summary>
    private void SkipBadFrame(BadFrameException error)
    {
        long run;
        lock (_gate)
        {
            _badFrames++;
            run = _health.OnBadFrame(error.Message, TimeProvider.GetTimestamp());
            CollectEventsAndFaults();
        }

        if (run == 1)
        {
            Logger.FrameSkipped(SourceUri, error.Message);
        }
        else
        {
            Logger.FrameSkippedAgain(SourceUri, run, error.Message);
        }

        RaiseEvents();
    }

    private void Publish(Frame frame)
    {
        var jpeg = _jpegSource is null ? default : _jpegSource.LastJpeg;
        if (jpeg.IsEmpty)
        {
            JpegCodec.Encode(frame, _options.RingJpegQuality, _encoded);
            jpeg = _encoded.Span;
        }

        Ring.Add(jpeg, frame.Timestamp, frame.Sequence);
        foreach (var sink in Volatile.Read(ref _sinks))
        {
            sink.OnFrame(jpeg, frame.Timestamp);
        }

        var signature = FrameSignature.Of(frame);
        Frame? previous;
        lock (_gate)
        {
            previous = _latest;
            _latest = frame;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (frame.Timestamp > _waiters[i].After)
                {
                    _waiters[i].Offer(frame);
                    _waiters.RemoveAt(i);
                }
            }

            _health.OnFrame(signature, frame.Sequence, frame.Timestamp);
            CollectEventsAndFaults();
        }

        previous?.Dispose();
        RaiseEvents();
    }

    private void OnTick()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _health.Evaluate(TimeProvider.GetTimestamp());
            CollectEventsAndFaults();
        }

        RaiseEvents();
    }

    /// <summary>Under the lock: moves pending health events aside and fails waiters when the rig is at fault.</summary>
    private void CollectEventsAndFaults()
    {
        if (_health.Pending.Count > 0)
        {
            _raise.AddRange(_health.Pending);
            _health.Pending.Clear();
        }

        if (_waiters.Count > 0 && _health.WaiterFault(TimeProvider.GetTimestamp()) is { } fault)
        {
            FailWaiters(new VideoException($"No fresh frame from '{SourceUri}'. {fault}", isRigFault: true));
        }
    }

    private void FailWaiters(Exception error)
    {
        foreach (var waiter in _waiters)
        {
            waiter.TrySetException(error);
        }

        _waiters.Clear();
    }

    private void RaiseEvents()
    {
        while (true)
        {
            (SignalHealthKind Kind, string Evidence) item;
            Frame? last;
            lock (_gate)
            {
                if (_raise.Count == 0)
                {
                    return;
                }

                item = _raise[0];
                _raise.RemoveAt(0);
                last = _latest?.Share();
            }

            Logger.Health(item.Kind, SourceUri, item.Evidence);
            try
            {
                HealthChanged?.Invoke(this, new SignalHealthEvent(item.Kind, TimeProvider.GetUtcNow(), item.Evidence, last));
            }
#pragma warning disable CA1031 // A failing handler must not stop the capture pump; it is logged.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Logger.ReadFailed($"{SourceUri} (HealthChanged handler)", e);
            }
            finally
            {
                last?.Dispose();
            }
        }
    }
}
