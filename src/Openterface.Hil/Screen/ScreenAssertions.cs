namespace Openterface.Hil;

/// <summary>Expect(Screen): assertions about the screen as a whole.</summary>
public sealed class ScreenAssertions
{
    private readonly SessionCore _core;

    internal ScreenAssertions(SessionCore core)
    {
        _core = core;
    }

    /// <summary>
    /// Waits until no change beyond the tolerance has been seen for <paramref name="stillFor"/> on frames captured after
    /// the last input. The timeout must be longer than <paramref name="stillFor"/>.
    /// </summary>
    public Task ToBeStillAsync(TimeSpan stillFor, ExpectOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(stillFor, TimeSpan.Zero);
        var resolved = _core.Resolve(options);
        return _core.Steps.RunAsync($"Expect the screen still for {Durations.Format(stillFor)}", StepKind.Wait, new Dictionary<string, string>
        {
            ["still for"] = Durations.Format(stillFor),
        }, step => new StillWaiter(_core).ToBeStillAsync(stillFor, resolved, step, cancellationToken));
    }
}
