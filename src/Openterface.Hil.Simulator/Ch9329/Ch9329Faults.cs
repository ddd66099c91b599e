using Openterface.Hil.Protocol;

namespace Openterface.Hil.Simulator;

/// <summary>
/// Faults the CH9329 emulator injects, scriptable from tests. Counters apply to the next N requests or replies and
/// count down. The "zombie" chip (reference §2.12) ignores everything until SET_DEFAULT_CFG; on a pseudo-terminal
/// the RTS pin is not observable (a pty has no modem lines), so the command is the only way out there.
/// </summary>
public sealed class Ch9329Faults
{
    private readonly Lock _lock = new();
    private readonly Queue<Ch9329Status> _errorReplies = new();
    private readonly Queue<TimeSpan> _lateReplies = new();
    private int _ignore;
    private int _drop;
    private int _corrupt;
    private int _garbage;
    private ReplyFaultSchedule? _schedule;
    private long _replies;

    /// <summary>Next N requests vanish on the wire: no effect, no reply.</summary>
    public int IgnoreRequests
    {
        get { lock (_lock) { return _ignore; } }
        set { lock (_lock) { _ignore = value; } }
    }

    /// <summary>Next N requests take effect but their reply is lost.</summary>
    public int DropReplies
    {
        get { lock (_lock) { return _drop; } }
        set { lock (_lock) { _drop = value; } }
    }

    /// <summary>Next N replies go out with a wrong checksum.</summary>
    public int CorruptReplies
    {
        get { lock (_lock) { return _corrupt; } }
        set { lock (_lock) { _corrupt = value; } }
    }

    /// <summary>Next N replies are preceded by line noise.</summary>
    public int GarbageBeforeReplies
    {
        get { lock (_lock) { return _garbage; } }
        set { lock (_lock) { _garbage = value; } }
    }

    /// <summary>
    /// A steady fault rate for long runs: every Nth reply (counting all replies) is dropped, sent with a wrong
    /// checksum, or sent <see cref="ReplyFaultSchedule.LateBy"/> late (out of order with the replies after it).
    /// Null turns it off.
    /// </summary>
    public ReplyFaultSchedule? Schedule
    {
        get { lock (_lock) { return _schedule; } }
        set { lock (_lock) { _schedule = value; _replies = 0; } }
    }

    /// <summary>Every reply is held back this long (processing continues).</summary>
    public TimeSpan ReplyDelay { get; set; }

    /// <summary>Stops answering (and acting) until SET_DEFAULT_CFG.</summary>
    public bool Zombie { get; set; }

    /// <summary>Answers the next request with an error reply (E1..E6) instead of executing it.</summary>
    public void ErrorReplyNext(Ch9329Status status, int count = 1)
    {
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                _errorReplies.Enqueue(status);
            }
        }
    }

    /// <summary>The next reply arrives <paramref name="delay"/> late (after the host's timeout: a late reply after a retry).</summary>
    public void DelayNextReply(TimeSpan delay)
    {
        lock (_lock)
        {
            _lateReplies.Enqueue(delay);
        }
    }

    internal bool TakeErrorReply(out Ch9329Status status)
    {
        lock (_lock)
        {
            return _errorReplies.TryDequeue(out status);
        }
    }

    internal TimeSpan TakeReplyDelay()
    {
        lock (_lock)
        {
            return _lateReplies.TryDequeue(out var late) ? late : ReplyDelay;
        }
    }

    /// <summary>The scheduled fault for the next reply (counts the reply).</summary>
    internal ReplyFault TakeScheduled()
    {
        lock (_lock)
        {
            if (_schedule is not { } schedule)
            {
                return ReplyFault.None;
            }

            var n = ++_replies;
            return schedule.DropEvery > 0 && n % schedule.DropEvery == 0 ? ReplyFault.Drop
                : schedule.CorruptEvery > 0 && n % schedule.CorruptEvery == 0 ? ReplyFault.Corrupt
                : schedule.LateEvery > 0 && n % schedule.LateEvery == 0 ? ReplyFault.Late
                : ReplyFault.None;
        }
    }

    internal bool TakeIgnore() => Take(ref _ignore);

    internal bool TakeDrop() => Take(ref _drop);

    internal bool TakeCorrupt() => Take(ref _corrupt);

    internal bool TakeGarbage() => Take(ref _garbage);

    private bool Take(ref int counter)
    {
        lock (_lock)
        {
            if (counter <= 0)
            {
                return false;
            }

            counter--;
            return true;
        }
    }
}

/// <summary>Every Nth reply dropped / corrupted / late (0 = never); see <see cref="Ch9329Faults.Schedule"/>.</summary>
public sealed record ReplyFaultSchedule(int DropEvery, int CorruptEvery, int LateEvery, TimeSpan LateBy);

internal enum ReplyFault
{
    None,
    Drop,
    Corrupt,
    Late,
}
