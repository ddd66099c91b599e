using System.Text.RegularExpressions;
using Openterface.Hil.Device;

namespace Openterface.Hil;

/// <summary>
/// The target's serial console (<c>Session.Console</c>): what the target printed on its UART and what to send it.
/// Race-free like the screen: every action (a key press, a console write, a power cycle) stamps a barrier as it
/// starts, and a wait afterwards matches only output that arrived after it. Bytes are kept raw; text is UTF-8 with
/// ANSI escape sequences and CR removed, and a match may span lines. Secrets written with
/// <see cref="WriteSecretAsync"/> are masked in everything the session reports.
/// </summary>
public sealed partial class TargetConsole
{
    /// <summary>Lines of console output attached to a failed console wait.</summary>
    internal const int FailureLines = 200;

    private readonly SessionContext _session;
    private readonly ConsoleLink? _link;
    private readonly Lock _gate = new();
    private ConsoleBarrier _barrier = ConsoleBarrier.Start;
    private string? _barrierAction;

    internal TargetConsole(SessionContext session, ConsoleLink? link)
    {
        _session = session;
        _link = link;
    }

    /// <summary>Whether this rig has a console (HilOptions.Console, hil.json "console", HIL_CONSOLE, or a virtual rig).</summary>
    public bool IsAvailable => _link is not null;

    /// <summary>The console URI in use, or null.</summary>
    public string? Uri => _link?.Uri;

    /// <summary>The barrier stamped by the last action (output after it is what waits look at).</summary>
    public ConsoleBarrier Barrier
    {
        get
        {
            lock (_gate)
            {
                return _barrier;
            }
        }
    }

    /// <summary>All cleaned output so far (secrets masked).</summary>
    public string Output => _session.Redact(Link.Transcript.Text);

    /// <summary>The raw bytes received so far, exactly as they arrived (not redacted: keep them out of reports).</summary>
    public ReadOnlyMemory<byte> RawOutput => Link.Transcript.RawSince(0);

    /// <summary>The output as timestamped lines ("HH:mm:ss.fff text", UTC), secrets masked: what reports attach.</summary>
    public IReadOnlyList<string> Transcript => IsAvailable ? [.. Link.Transcript.FormatLines().Select(_session.Redact)] : [];

    internal ConsoleLink Link => _link ?? throw new InvalidOperationException(
        "This rig has no serial console configured. Set HilOptions.Console (a tty such as '/dev/ttyUSB1?baud=115200' or " +
        "'tcp://host:port'), \"console\" in hil.json, HIL_CONSOLE or the .runsettings parameter HilConsole.");

    /// <summary>Text on the console; whitespace in <paramref name="text"/> matches any whitespace, line breaks included.</summary>
    public ConsoleLocator Text(string text) => new(this, text);

    public ConsoleLocator Text(Regex pattern) => new(this, pattern);

    /// <summary>A barrier at the current end of the output.</summary>
    public ConsoleBarrier Mark() => new(Link.Transcript.TextLength);

    /// <summary>The cleaned output after <paramref name="barrier"/> (secrets masked).</summary>
    public string OutputSince(ConsoleBarrier barrier) => _session.Redact(Link.Transcript.TextSince(barrier.Position));

    /// <summary>Waits (up to the expect timeout unless given) for <paramref name="locator"/> after the current barrier.</summary>
    public async Task<ConsoleMatch> WaitForAsync(ConsoleLocator locator, ExpectOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(locator);
        var match = await RunExpectAsync(locator, negate: false, options, cancellationToken).ConfigureAwait(false);
        return match!;
    }

    /// <summary>Sends <paramref name="text"/> as UTF-8, as it is (no line end).</summary>
    public Task WriteAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SendAsync($"Console: write '{Escape(text)}'", text, cancellationToken);
    }

    /// <summary>Sends <paramref name="text"/> and Enter (a carriage return, what a terminal sends).</summary>
    public Task WriteLineAsync(string text = "", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SendAsync($"Console: write line '{Escape(text)}'", text + "\r", cancellationToken);
    }

    /// <summary>Sends a secret (a password) and, by default, Enter; it appears as "***" in every log and report.</summary>
    public Task WriteSecretAsync(string secret, bool pressEnter = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secret);
        _session.Redactor.Register(secret);
        return SendAsync("Console: write secret", pressEnter ? secret + "\r" : secret, cancellationToken);
    }

    /// <summary>Every action stamps the console barrier as it starts (output caused by it is never before it).</summary>
    internal void MarkAction(string action)
    {
        if (_link is null)
        {
            return;
        }

        var position = _link.Transcript.TextLength;
        lock (_gate)
        {
            _barrier = new ConsoleBarrier(position);
            _barrierAction = action;
        }
    }

    internal (ConsoleBarrier Barrier, string Description) SnapshotBarrier()
    {
        lock (_gate)
        {
            return (_barrier, _barrierAction is null
                ? "console output since the session started (no action yet)"
                : $"console output after barrier at character {_barrier.Position} ({_barrierAction})");
        }
    }

    /// <summary>Closes the console (at session end).</summary>
    internal ValueTask CloseAsync() => _link?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static string Escape(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
