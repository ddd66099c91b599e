namespace Openterface.Hil;

/// <summary>The target's serial console on the session.</summary>
public sealed partial class HilSession
{
    /// <summary>The target's serial console (check <see cref="TargetConsole.IsAvailable"/> on rigs without one).</summary>
    public TargetConsole Console { get; }

    public ConsoleAssertions Expect(ConsoleLocator locator)
    {
        ArgumentNullException.ThrowIfNull(locator);
        return new ConsoleAssertions(locator, negate: false);
    }

    /// <summary>Adds the console's barrier marker in front of the caller's step listeners.</summary>
    private static HilOptions WithConsoleMarker(HilOptions options, ConsoleActionMarker marker) =>
        options with { StepListeners = [marker, .. options.StepListeners] };
}
