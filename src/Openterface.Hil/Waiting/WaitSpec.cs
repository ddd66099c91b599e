using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>What a wait looks for; built by locators and assertions, run by <see cref="FrameWaiter"/>.</summary>
internal sealed class WaitSpec
{
    /// <summary>"Expect(Needle('grub-menu')).ToBeVisibleAsync()".</summary>
    public required string Header { get; init; }

    /// <summary>The "Expected:" line, given the closest attempt (null when nothing was evaluated).</summary>
    public required Func<Attempt?, string> Expected { get; init; }

    /// <summary>Evaluates one frame with the given search pass and the elapsed share of the timeout (0..1).</summary>
    public required Func<Frame, SearchScope, double, CancellationToken, ValueTask<Attempt>> Evaluate { get; init; }

    /// <summary>Alternate near/whole needle searches (only for positive needle checks).</summary>
    public bool SearchPasses { get; init; }

    /// <summary>The attempt that explains a failure best: highest rank; ties go to the later one when true.</summary>
    public bool PreferLatest { get; init; }

    /// <summary>An inner wait (one attempt of a bigger step): no warning log and no attachments when it fails.</summary>
    public bool Quiet { get; init; }
}

/// <summary>One evaluation of one frame.</summary>
internal sealed record Attempt(bool Satisfied, string Log, string Seen, double Rank, LocatorResult? Result);

/// <summary>A passed wait: the attempt and the frame it passed on (owned: dispose it).</summary>
internal sealed class WaitOutcome : IDisposable
{
    public WaitOutcome(Attempt attempt, Frame frame)
    {
        Attempt = attempt;
        Frame = frame;
    }

    public Attempt Attempt { get; }

    public Frame Frame { get; }

    public void Dispose() => Frame.Dispose();
}
