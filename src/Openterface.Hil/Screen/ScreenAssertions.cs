namespace Openterface.Hil;

/// <summary>Expect(Screen): assertions about the screen as a whole.</summary>
public sealed class ScreenAssertions
{
    private readonly ScreenService _screen;
    private readonly SessionContext _session;

    internal ScreenAssertions(ScreenService screen)
    {
        _screen = screen;
        _session = screen.Session;
    }

    /// <summary>
    /// Waits until no change beyond the tolerance has been seen for <paramref name="stillFor"/> on frames captured after
    /// the last input. The timeout must be longer than <paramref name="stillFor"/>.
    /// </summary>
    public Task ToBeStillAsync(TimeSpan stillFor, ExpectOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(stillFor, TimeSpan.Zero);
        var resolved = _screen.Resolve(options);
        return _session.Steps.RunAsync($"Expect the screen still for {Durations.Format(stillFor)}", StepKind.Wait, new Dictionary<string, string>
        {
            ["still for"] = Durations.Format(stillFor),
        }, step => new StillWaiter(_screen).ToBeStillAsync(stillFor, resolved, step, cancellationToken));
    }
}
