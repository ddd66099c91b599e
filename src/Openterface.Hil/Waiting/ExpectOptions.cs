using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>
/// Per-call options for waits and expectations. Every property is nullable: null inherits the session's
/// <see cref="HilOptions.Expect"/>, then the built-in default.
/// </summary>
public sealed record ExpectOptions
{
    /// <summary>How long to keep looking (built-in: <see cref="TimeoutSettings.Expect"/>, 30s).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Needle score needed to count as a match, 0..1 (built-in: the needle's own threshold).</summary>
    public double? Threshold { get; init; }

    /// <summary>How many evaluated frames in a row must match (built-in: the needle's "consecutive", else 1). Guards against noise.</summary>
    public int? Consecutive { get; init; }

    /// <summary>
    /// Where to look for needles (built-in: <see cref="SearchScope.Auto"/>: near the recorded position, the whole frame
    /// every 5th evaluation, on an unchanged frame after a near miss, and at the deadline).
    /// </summary>
    public SearchScope? Scope { get; init; }

    /// <summary>
    /// Right after an input action, ignore frames that still look exactly like the screen before the input until the
    /// target visibly reacts (built-in: true). Set false when the input is not expected to change the screen.
    /// </summary>
    public bool? AfterInputChange { get; init; }

    /// <summary>Fraction of changed pixels (0..1) at or below which two frames count as the same screen (built-in: 0).</summary>
    public double? ChangeTolerance { get; init; }
}

/// <summary>Options after inheritance.</summary>
internal sealed record ResolvedExpect(
    TimeSpan Timeout,
    double? Threshold,
    int Consecutive,
    SearchScope Scope,
    bool AfterInputChange,
    double ChangeTolerance);
