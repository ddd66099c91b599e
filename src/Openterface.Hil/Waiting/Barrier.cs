using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>
/// Stamped by every input action: waits afterwards accept only frames captured after <see cref="Timestamp"/>, and
/// (by default) only once the screen differs from <see cref="Before"/>, the frame current when the input was sent.
/// </summary>
internal sealed class Barrier : IDisposable
{
    private int _changeSeen;

    public Barrier(long timestamp, long sequence, string? action, Frame? before)
    {
        Timestamp = timestamp;
        Sequence = sequence;
        Action = action;
        Before = before;
    }

    /// <summary>The session's starting barrier: any frame will do.</summary>
    public static Barrier Start => new(0, 0, null, null);

    /// <summary>Monotonic clock (TimeProvider.GetTimestamp) when the action finished.</summary>
    public long Timestamp { get; }

    /// <summary>Sequence of the newest frame when the action finished (for the call log).</summary>
    public long Sequence { get; }

    /// <summary>The action, already redacted ("Press 'enter'"); null before any input.</summary>
    public string? Action { get; }

    public Frame? Before { get; }

    /// <summary>Some wait already saw the screen differ from <see cref="Before"/>: the target reacted.</summary>
    public bool ChangeSeen => Volatile.Read(ref _changeSeen) != 0;

    public void MarkChangeSeen() => Volatile.Write(ref _changeSeen, 1);

    public string Describe() =>
        Action is null ? "waiting for frames (no input sent yet)" : $"waiting for frames after barrier #{Sequence} ({Action})";

    public void Dispose() => Before?.Dispose();
}
