using Openterface.Hil.Protocol;
using Polly.CircuitBreaker;

namespace Openterface.Hil.Device;

/// <summary>
/// Pipelined keyboard reports: up to a window of full-state reports are on the wire before the oldest ACK arrives,
/// so typing runs at the host-to-chip wire speed instead of waiting a round trip per report.
/// </summary>
internal sealed partial class Ch9329Link
{
    /// <summary>
    /// Sends <paramref name="reports"/> in order with at most <paramref name="window"/> unacknowledged. ACKs carry no
    /// sequence number and the chip answers in order, so they are matched in order. A report is never resent once a
    /// later one went out (that would repeat or reorder a keystroke): when an ACK is missing, corrupt or an error, the
    /// stream stops sending, waits for the reports in flight, then sends the current full key state (the last report
    /// sent) stop-and-wait with retries, which is idempotent, and goes on. A missing ACK cannot be told from a lost
    /// request, so the report is taken as delivered (never duplicated). An error reply says the chip did not act: a
    /// rejected key press is sent again in order when no later press went out after it; otherwise the keystroke is
    /// lost and a non-transient <see cref="DeviceException"/> names it. With a window of 1 every report is the last
    /// one sent, so this is stop-and-wait with full-state retries. <paramref name="delayBefore"/> gives the pause before
    /// report i (hold and gap pacing); <paramref name="resolved"/> is told how many reports are resolved, in order.
    /// </summary>
    public async Task SendKeyboardStreamAsync(
        IReadOnlyList<KeyboardReport> reports,
        int window,
        Func<int, TimeSpan> delayBefore,
        Action<int>? resolved,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(delayBefore);
        if (window < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "The keyboard window is the number of reports sent before the oldest ACK; use 1 or more.");
        }

        await _requestGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var inFlight = new Queue<(int Index, TaskCompletionSource<Ch9329Frame> Reply, long SentAt)>();
        try
        {
            var next = 0;
            var failed = false;
            int? rejectedPress = null;
            Exception? rejection = null;
            while (next < reports.Count || inFlight.Count > 0)
            {
                if (!failed && next < reports.Count && inFlight.Count < window)
                {
                    var delay = delayBefore(next);
                    if (delay > TimeSpan.Zero)
                    {
                        await Task.Delay(delay, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
                    }

                    var reply = await WriteStreamedAsync(Ch9329Requests.Keyboard(reports[next]), cancellationToken).ConfigureAwait(false);
                    inFlight.Enqueue((next, reply, _options.TimeProvider.GetTimestamp()));
                    next++;
                    continue;
                }

                if (inFlight.Count > 0)
                {
                    var head = inFlight.Dequeue();
                    var error = await AwaitStreamedAsync(head.Reply, head.SentAt, cancellationToken).ConfigureAwait(false);
                    if (error is not null)
                    {
                        if (_lost || !IsTransientFault(error))
                        {
                            throw error;
                        }

                        failed = true;
                        _transcript.Add($"-- keyboard report {head.Index + 1} of {reports.Count}: {error.Message}; the full key state is sent again after the reports in flight");
                        if (error is ProtocolException { Error: ProtocolError.ErrorReply } && AddsPress(reports, head.Index))
                        {
                            rejectedPress ??= head.Index;
                            rejection ??= error;
                        }
                    }

                    if (inFlight.Count > 0 || !failed)
                    {
                        resolved?.Invoke(head.Index + 1);
                        continue;
                    }
                }

                // Every report sent so far is resolved and one failed: bring the target to the current state.
                var last = next - 1;
                var repairable = rejectedPress is { } rejected && !Enumerable.Range(rejected + 1, last - rejected).Any(i => AddsPress(reports, i));
                if (repairable)
                {
                    await SendStateHoldingGateAsync(reports[rejectedPress!.Value], cancellationToken).ConfigureAwait(false);
                }

                if (!repairable || rejectedPress != last)
                {
                    await SendStateHoldingGateAsync(reports[last], cancellationToken).ConfigureAwait(false);
                }

                if (rejectedPress is { } lost && !repairable)
                {
                    throw new DeviceException(
                        $"The CH9329 on '{Uri}' rejected keyboard report {lost + 1} of {reports.Count} (a key press: {rejection!.Message}) after later key presses were already sent; "
                        + "resending it would reorder the text, so that keystroke is missing on the target. All keys are in their current state; type the text again, or use a keyboard window of 1.",
                        isTransient: false,
                        rejection);
                }

                resolved?.Invoke(last + 1);
                failed = false;
                rejectedPress = null;
                rejection = null;
            }
        }
        finally
        {
            lock (_pendingLock)
            {
                _streamed.Clear();
            }

            _requestGate.Release();
        }
    }

    /// <summary>Whether report <paramref name="index"/> presses a key or modifier the report before it did not hold.</summary>
    private static bool AddsPress(IReadOnlyList<KeyboardReport> reports, int index)
    {
        var current = reports[index].Fold();
        var previous = index == 0 ? (Modifiers: KeyModifiers.None, Usages: Array.Empty<byte>()) : reports[index - 1].Fold();
        return (current.Modifiers & ~previous.Modifiers) != 0 || current.Usages.Any(u => !previous.Usages.Contains(u));
    }

    private async Task<TaskCompletionSource<Ch9329Frame>> WriteStreamedAsync(Ch9329Frame request, CancellationToken cancellationToken)
    {
        var port = _port;
        if (port is null || _lost)
        {
            throw new DeviceException($"Serial port '{Uri}' is disconnected; reconnecting. Check the USB cable.", isTransient: true);
        }

        var reply = new TaskCompletionSource<Ch9329Frame>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_pendingLock)
        {
            _streamed.Enqueue(reply);
        }

        var bytes = request.ToBytes();
        Record("TX", bytes, request.Command);
        await port.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        return reply;
    }

    /// <summary>Waits for a streamed report's reply until its own deadline; returns the fault, or null for a success ACK.</summary>
    private async Task<Exception?> AwaitStreamedAsync(TaskCompletionSource<Ch9329Frame> reply, long sentAt, CancellationToken cancellationToken)
    {
        var remaining = _options.ReplyTimeout - _options.TimeProvider.GetElapsedTime(sentAt);
        try
        {
#pragma warning disable VSTHRD003 // the reply source was created by this link for this report.
            var frame = await reply.Task.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
#pragma warning restore VSTHRD003
            Ch9329Replies.EnsureSuccess(frame);
            return null;
        }
        catch (TimeoutException)
        {
            lock (_pendingLock)
            {
                if (_streamed.Count > 0 && _streamed.Peek() == reply)
                {
                    _streamed.Dequeue();
                }
            }

            if (reply.Task.IsCompletedSuccessfully)
            {
                // The ACK arrived between the deadline and the dequeue.
#pragma warning disable VSTHRD003 // completed above; same reply source.
                return ProtocolErrorOf(await reply.Task.ConfigureAwait(false));
#pragma warning restore VSTHRD003
            }

            return new NoReplyException($"No reply from the CH9329 on '{Uri}' to a pipelined SendKeyboard within {_options.ReplyTimeout.TotalMilliseconds:0}ms.");
        }
        catch (Exception e) when (e is ProtocolException or DeviceException)
        {
            return e;
        }
    }

    private static Exception? ProtocolErrorOf(Ch9329Frame frame)
    {
        try
        {
            Ch9329Replies.EnsureSuccess(frame);
            return null;
        }
        catch (ProtocolException e)
        {
            return e;
        }
    }

    /// <summary>A full-state keyboard report, stop-and-wait with the link's retries and breaker; the caller holds the gate.</summary>
    private async Task SendStateHoldingGateAsync(KeyboardReport report, CancellationToken cancellationToken)
    {
        var request = Ch9329Requests.Keyboard(report);
        try
        {
            await _pipeline.ExecuteAsync(
                async token =>
                {
                    var reply = await AttemptHoldingGateAsync(request, _options.ReplyTimeout, token).ConfigureAwait(false);
                    Ch9329Replies.EnsureSuccess(reply);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException e)
        {
            throw StoppedAnswering(e);
        }
    }
}
