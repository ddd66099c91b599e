namespace Openterface.Hil;

/// <summary>Expect(Console.Text(...)): waits for text on the target's console after the current barrier.</summary>
public sealed class ConsoleAssertions
{
    private readonly ConsoleLocator _locator;
    private readonly bool _negate;

    internal ConsoleAssertions(ConsoleLocator locator, bool negate)
    {
        _locator = locator;
        _negate = negate;
    }

    /// <summary>
    /// The opposite: the text has not appeared since the barrier (checked now; with <see cref="ExpectOptions.Timeout"/>
    /// set, watched that long).
    /// </summary>
    public ConsoleAssertions Not => new(_locator, !_negate);

    /// <summary>Waits until the text appears after the barrier (only <see cref="ExpectOptions.Timeout"/> applies).</summary>
    public Task ToBeVisibleAsync(ExpectOptions? options = null, CancellationToken cancellationToken = default) =>
        _locator.Console.RunExpectAsync(_locator, _negate, options, cancellationToken);
}
