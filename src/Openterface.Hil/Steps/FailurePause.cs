using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>
/// Pause on failure (issue 16): after a failed top-level step, with the rig and simulator still alive, prints where
/// to look (serial and video URIs, the failure frame saved as PNG) and waits for Enter, so a person can poke at the
/// target. Decided once per session; never in CI (CI=true) or without a terminal on stdin.
/// </summary>
internal sealed class FailurePause
{
    private readonly HilOptions _options;
    private readonly TextReader _input;
    private readonly TextWriter _output;

    public FailurePause(HilOptions options, TextReader input, TextWriter output)
    {
        _options = options;
        _input = input;
        _output = output;
    }

    /// <summary>
    /// Whether to pause: <c>HIL_PAUSE_ON_FAILURE</c> ("1"/"true" on, "0"/"false" off) over the setting, and never
    /// when <c>CI</c> is "true"/"1" or stdin is not a terminal (a pause there would hang the run).
    /// </summary>
    public static bool Decide(bool setting, Func<string, string?> environment, bool stdinIsTerminal)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (IsOn(environment("CI")) || !stdinIsTerminal)
        {
            return false;
        }

        return environment("HIL_PAUSE_ON_FAILURE") is { Length: > 0 } value ? IsOn(value) : setting;
    }

    /// <summary>The decision for this process (environment variables, Console.IsInputRedirected).</summary>
    public static FailurePause? ForProcess(HilOptions options) =>
        Decide(options.PauseOnFailure, Environment.GetEnvironmentVariable, !Console.IsInputRedirected)
            ? new FailurePause(options, Console.In, Console.Error)
            : null;

    /// <summary>Prints where to look, saves the failure frame, and waits for a line (Enter) on stdin.</summary>
    public async Task PauseAsync(string step, Frame? frame, CancellationToken cancellationToken)
    {
        string? png = null;
        if (frame is not null)
        {
            png = Path.Combine(Path.GetTempPath(), $"hil-failure-{Guid.NewGuid():N}.png");
            try
            {
                await File.WriteAllBytesAsync(png, frame.EncodePng(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or HilException)
            {
                png = $"(not saved: {e.Message})";
            }
        }

        await _output.WriteLineAsync($"""

            HIL: step failed: {step}
              serial: {_options.Serial ?? "(none)"}
              video:  {_options.Video ?? "(none)"}
              frame:  {png ?? "(no frame, or withheld: a secret may be on screen)"}
            The rig stays connected. Press Enter to continue (the test then fails as usual).
            """).ConfigureAwait(false);
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        await _input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
    }

    private static bool IsOn(string? value) =>
        value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));
}
