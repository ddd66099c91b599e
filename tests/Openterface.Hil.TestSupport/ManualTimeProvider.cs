namespace Openterface.Hil.TestSupport;

/// <summary>
/// The one manual clock for tests: time moves only on <see cref="Advance"/>, which fires due timers in order,
/// synchronously. <see cref="TimeProvider.GetUtcNow"/> is the epoch plus the timestamp (in ticks).
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private readonly List<TimeSpan> _dueTimes = [];
    private readonly DateTimeOffset _epoch;
    private long _ticks;

    /// <summary>Starts one second into 2026-01-01 UTC, so timestamp 0 means "before anything".</summary>
    public ManualTimeProvider()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromSeconds(1))
    {
    }

    /// <summary>Starts at <paramref name="start"/>; timestamps are its UTC ticks.</summary>
    public ManualTimeProvider(DateTimeOffset start)
        : this(new DateTimeOffset(0, TimeSpan.Zero), TimeSpan.FromTicks(start.UtcTicks))
    {
    }

    /// <summary>Timestamp 0 is <paramref name="epoch"/>; the clock starts at <paramref name="timestamp"/>.</summary>
    public ManualTimeProvider(DateTimeOffset epoch, TimeSpan timestamp)
    {
        _epoch = epoch;
        _ticks = timestamp.Ticks;
    }

    public TimeSpan Elapsed => TimeSpan.FromTicks(Volatile.Read(ref _ticks));

    public int ActiveTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(t => t.Due is not null);
            }
        }
    }

    /// <summary>Every finite due time a timer was created with, in order: what the code under test asked to wait.</summary>
    public IReadOnlyList<TimeSpan> DueTimesRequested
    {
        get
        {
            lock (_gate)
            {
                return [.. _dueTimes];
            }
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Volatile.Read(ref _ticks);

    public override DateTimeOffset GetUtcNow() => _epoch + Elapsed;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                _dueTimes.Add(dueTime);
            }
        }

        timer.Change(dueTime, period);
        return timer;
    }

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        var target = GetTimestamp() + by.Ticks;
        while (true)
        {
            FakeTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.Due <= target).OrderBy(t => t.Due).FirstOrDefault();
                if (next is null)
                {
                    break;
                }

                Volatile.Write(ref _ticks, Math.Max(_ticks, next.Due!.Value));
                next.Due = next.Period is { } period ? next.Due + Math.Max(period.Ticks, 1) : null;
            }

            next.Fire();
        }

        Volatile.Write(ref _ticks, Math.Max(GetTimestamp(), target));
    }

    /// <summary>Moves the clock to the earliest pending timer and fires it (and any due with it); false when none is pending.</summary>
    public bool AdvanceToNextTimer()
    {
        long? due;
        lock (_gate)
        {
            due = _timers.Where(t => t.Due is not null).Min(t => t.Due);
        }

        if (due is not { } next)
        {
            return false;
        }

        Advance(TimeSpan.FromTicks(Math.Max(0, next - GetTimestamp())));
        return true;
    }

    private void Remove(FakeTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class FakeTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public long? Due { get; set; }

        public TimeSpan? Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : owner.GetTimestamp() + dueTime.Ticks;
                Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
            }

            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
