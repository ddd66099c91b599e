using System.Globalization;
using System.Text;
using Openterface.Hil.Device;

namespace Openterface.Hil;

/// <summary>Console waits and writes as steps; failures as expectation failures (product) or rig faults (console gone).</summary>
public sealed partial class TargetConsole
{
    /// <summary>How long the console may be gone during a wait before the wait fails as a rig fault.</summary>
    internal static readonly TimeSpan DisconnectGrace = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Runs Expect(locator)[.Not].ToBeVisibleAsync as a wait step. Not: with no timeout given it checks the output
    /// since the barrier now; with one it watches that long and fails as soon as the text appears.
    /// </summary>
    internal Task<ConsoleMatch?> RunExpectAsync(ConsoleLocator locator, bool negate, ExpectOptions? options, CancellationToken cancellationToken)
    {
        var link = Link;
        var call = negate ? "Not.ToBeVisibleAsync()" : "ToBeVisibleAsync()";
        return _session.Steps.RunAsync($"Expect {locator} {(negate ? "not visible" : "visible")}", StepKind.Wait, new Dictionary<string, string>
        {
            ["locator"] = locator.ToString(),
            ["assertion"] = call,
            ["console"] = link.Uri,
        }, async _ =>
        {
            var timeout = negate && options?.Timeout is null ? TimeSpan.Zero : _session.ExpectTimeout(options?.Timeout);
            var (barrier, described) = SnapshotBarrier();
            var log = new List<string> { $"waiting for {locator} in {described}" };
            var (result, match) = await ConsoleWait.RunAsync(link, locator.Pattern, barrier.Position, timeout, DisconnectGrace, _session.Time, cancellationToken)
                .ConfigureAwait(false);
            log.AddRange(link.Events.Select(e => "console " + e));
            var header = $"Expect({locator}).{call}";
            switch (result)
            {
                case ConsoleWaitResult.Disconnected:
                    throw ConsoleFault($"{header}: the console '{link.Uri}' vanished and did not come back within {Durations.Format(DisconnectGrace)}", log, null);
                case ConsoleWaitResult.Matched when negate:
                    log.Add($"found '{match!.Value}' (line at {Clock(match.LineTime)})");
                    throw Failure($"{header} failed: the text appeared.", $"'{_session.Redact(match.Value)}' at {Clock(match.LineTime)}", timeout, barrier, log);
                case ConsoleWaitResult.Matched:
                    return new ConsoleMatch(_session.Redact(match!.Value), match.LineTime, new ConsoleBarrier(match.End));
                case ConsoleWaitResult.TimedOut when negate:
                    return null;
                default:
                    var since = link.Transcript.TextSince(barrier.Position);
                    var lines = since.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                    log.Add($"timed out after {Durations.Format(timeout)}: {lines.Length} line(s) arrived after the barrier");
                    var seen = lines.Length == 0 ? "no console output after the barrier" : $"{lines.Length} line(s), the last '{_session.Redact(lines[^1])}'";
                    throw Failure($"{header} failed: not seen within {Durations.Format(timeout)}.", seen, timeout, barrier, log);
            }
        });
    }

    private Task SendAsync(string step, string text, CancellationToken cancellationToken)
    {
        var link = Link;
        return _session.Steps.RunAsync(step, StepKind.Action, new Dictionary<string, string> { ["console"] = link.Uri }, async _ =>
        {
            try
            {
                await link.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
            }
            catch (DeviceException e)
            {
                throw ConsoleFault($"Writing to the console '{link.Uri}' failed: {e.Message}", [.. link.Events], e);
            }
        });
    }

    private ExpectationFailedException Failure(string message, string seen, TimeSpan timeout, ConsoleBarrier barrier, List<string> log)
    {
        var redactedLog = log.Select(_session.Redact).ToList();
        var text = _session.Redact(
            $"{message}\nConsole: {Link.Uri}\nSeen: {seen}\nTimeout: {Durations.Format(timeout)}\nCall log:\n" +
            string.Join('\n', redactedLog.Select(l => "  - " + l)));
        return new ExpectationFailedException(text, redactedLog)
        {
            Timeout = timeout,
            Seen = _session.Redact(seen),
            Attachments =
            [
                TextAttachment($"Console (last {FailureLines} lines)", LastLines()),
                TextAttachment("Call log", string.Join('\n', redactedLog)),
            ],
        };
    }

    private RigFaultException ConsoleFault(string message, IEnumerable<string> log, Exception? inner)
    {
        var full = _session.Redact(message + ". Check the USB-UART cable (or ser2net on the rig host); the console reconnects when the port comes back.");
        var evidence = new Dictionary<string, string>
        {
            ["console"] = Link.Uri,
            ["console events"] = _session.Redact(string.Join('\n', log)),
            ["console output (last lines)"] = LastLines(),
        };
        return new RigFaultException(full, evidence, inner);
    }

    private string LastLines() => _session.Redact(string.Join('\n', Link.Transcript.FormatLines(FailureLines)));

    private static StepAttachment TextAttachment(string name, string text) => new(name, "text/plain", "txt", Encoding.UTF8.GetBytes(text));

    private static string Clock(DateTimeOffset time) => time.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
