using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>
/// Type, read the field back by OCR, correct (backspace over the differing tail, retype it), and fail with a
/// clear diff when it cannot. Secrets are verified the same way but never shown: messages give lengths only.
/// </summary>
internal sealed class ClosedLoopTyping
{
    private readonly ScreenService _screen;
    private readonly SessionContext _session;
    private readonly Keyboard _keyboard;

    public ClosedLoopTyping(ScreenService screen, Keyboard keyboard)
    {
        _screen = screen;
        _session = screen.Session;
        _keyboard = keyboard;
    }

    public Task RunAsync(string text, bool secret, TypeOptions options, CancellationToken cancellationToken)
    {
        var field = options.VerifyIn!;
        var shown = secret ? SessionSecrets.Mask : $"'{text}'";
        return _session.Steps.RunAsync($"Type {(secret ? "secret" : shown)} verified in {field}", StepKind.Group, new Dictionary<string, string>
        {
            ["text"] = secret ? SessionSecrets.Mask : text,
            ["verify in"] = field.ToString(),
        }, async step =>
        {
            var maxCorrections = options.MaxCorrections ?? 3;
            ArgumentOutOfRangeException.ThrowIfNegative(maxCorrections, nameof(TypeOptions.MaxCorrections));
            var timeout = _session.Timeout(options.VerifyTimeout, t => t.Verify);
            var log = new List<string>();

            // A secret keeps the secret window open over its corrections (backspaces are not "the next action").
            using var hold = secret ? _session.SecretWindow.Hold() : null;
            var expected = secret ? SecretField.Expected(text) : text;
            await _keyboard.TypeRawAsync(text, secret, options, cancellationToken).ConfigureAwait(false);
            Frame? frame = null;
            try
            {
                var (read, first) = await ReadBackAsync(field, expected, secret, timeout, cancellationToken).ConfigureAwait(false);
                frame = first;
                Note(log, $"typed {ShowTyped(text, secret)}, read {ShowRead(read, secret)}", secret);
                for (var correction = 1; !Same(read, expected, secret); correction++)
                {
                    if (secret && !SecretField.IsMasked(read))
                    {
                        throw RefuseClearSecret(field, read);
                    }

                    if (correction > maxCorrections)
                    {
                        step.EndedOn(frame);
                        throw Fail(text, read, secret, field, frame, timeout, maxCorrections, log);
                    }

                    // A masked field hides which character went wrong: clear it and type the whole secret again.
                    var (backspaces, tail) = secret ? (SecretField.Masked(read).Length, text) : Correction(read, text);
                    for (var i = 0; i < backspaces; i++)
                    {
                        await _keyboard.PressAsync("backspace", cancellationToken).ConfigureAwait(false);
                    }

                    if (tail.Length > 0)
                    {
                        await _keyboard.TypeRawAsync(tail, secret, options, cancellationToken).ConfigureAwait(false);
                    }

                    // Let go of the old frame before reading again: if the read throws, nothing is disposed twice.
                    frame.Dispose();
                    frame = null;
                    (read, frame) = await ReadBackAsync(field, expected, secret, timeout, cancellationToken).ConfigureAwait(false);
                    Note(log, $"corrected: {backspaces} backspace(s), typed {ShowTyped(tail, secret)}, read {ShowRead(read, secret)}", secret);
                }

                step.EndedOn(frame);
            }
            finally
            {
                frame?.Dispose();
            }
        });
    }

    /// <summary>Backspaces over everything after the common prefix, then the expected tail.</summary>
    internal static (int Backspaces, string Tail) Correction(string read, string expected)
    {
        var seen = read.Trim();
        var prefix = 0;
        while (prefix < seen.Length && prefix < expected.Length && seen[prefix] == expected[prefix])
        {
            prefix++;
        }

        return (seen.Length - prefix, expected[prefix..]);
    }

    private static bool Same(string read, string expected, bool secret) => secret
        ? string.Equals(SecretField.Masked(read), expected, StringComparison.Ordinal)
        : string.Equals(TextSearch.Normalise(read), TextSearch.Normalise(expected), StringComparison.Ordinal);

    private static string ShowTyped(string text, bool secret) => secret ? Keyboard.Characters(SecretField.Expected(text).Length) : $"'{text.Trim()}'";

    private static string ShowRead(string read, bool secret) => secret ? Keyboard.Characters(SecretField.Flat(read).Length) : $"'{read.Trim()}'";

    private ArgumentException RefuseClearSecret(Locator field, string read)
    {
        var message =
            $"Keyboard.TypeSecretAsync({SessionSecrets.Mask}, VerifyIn = {field}): the field shows " +
            $"{Keyboard.Characters(SecretField.Flat(read).Length)} that are not masking characters ('*', '\u2022'), so it may show the " +
            "secret in clear. Closed-loop verification of a secret compares masked characters only: verify in a password " +
            "field that shows asterisks, or type the secret without VerifyIn.";
        OperatorLog.WaitFailed(_session.Logger, message);
        return new ArgumentException(message, nameof(TypeOptions.VerifyIn));
    }

    private void Note(List<string> log, string line, bool secret)
    {
        log.Add(line);

        // Secret lines carry lengths only; other lines carry typed text, logged only when sensitive logging is on.
        var logged = secret || _session.Options.SensitiveLogging ? _session.Redact(line) : $"attempt {log.Count}";
        OperatorLog.TypingVerify(_session.Logger, logged);
    }

    private ExpectationFailedException Fail(
        string text, string read, bool secret, Locator field, Frame frame, TimeSpan timeout, int corrections, List<string> log)
    {
        var seen = read.Trim();
        var at = Correction(seen, text).Tail.Length == 0 ? seen.Length + 1 : text.Length - Correction(seen, text).Tail.Length + 1;
        var header = secret
            ? $"Keyboard.TypeSecretAsync({SessionSecrets.Mask}, VerifyIn = {field})"
            : $"Keyboard.TypeAsync('{text}', VerifyIn = {field})";
        var expected = secret ? $"{SessionSecrets.Mask} (secret, {Keyboard.Characters(SecretField.Expected(text).Length)})" : $"'{text}'";
        var seenLine = secret
            ? $"{SessionSecrets.Mask} (read {Keyboard.Characters(seen.Length)})"
            : $"'{seen}' (first difference at character {at}; {corrections} correction(s) made)";
        var message = _session.Redact(FailureText.Build(header, expected, seenLine, frame, $"{Durations.Format(timeout)} per read-back", log));
        // The message quotes typed text: log it whole only for secrets (already masked) or with sensitive logging.
        OperatorLog.WaitFailed(_session.Logger, secret || _session.Options.SensitiveLogging
            ? message
            : $"Keyboard.TypeAsync({Keyboard.Characters(text.Length)}, VerifyIn = {field}) failed after {corrections} correction(s)");
        return new ExpectationFailedException(message, [.. log.Select(_session.Redact)])
        {
            Timeout = timeout,
            LastFrame = secret ? null : frame.Share(),
            Attachments = new Evidence(_screen).Collect(secret ? null : frame, null, null, log),
        };
    }

    /// <summary>
    /// Reads the field on frames after the last keystroke: skips frames that still show the pre-typing screen, reads
    /// each changed frame, returns as soon as the text matches, or once the screen has been still for a moment.
    /// </summary>
    private async Task<(string Read, Frame Frame)> ReadBackAsync(
        Locator field, string expected, bool secret, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (barrier, before) = _screen.Frames.SnapshotBarrier();
        var settle = TimeSpan.FromMilliseconds(750 * _session.TimeoutFactor);
        var gateOpen = before is null || barrier.ChangeSeen;
        Frame? evaluated = null;
        string? read = null;
        try
        {
            await _screen.Frames.RunAsync(barrier.Timestamp, timeout, async (frame, _) =>
            {
                if (!gateOpen && await _screen.UnchangedAsync(frame, before!, 0, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                if (!gateOpen)
                {
                    gateOpen = true;
                    barrier.MarkChangeSeen();
                }

                if (evaluated is not null && await _screen.UnchangedAsync(frame, evaluated, 0, cancellationToken).ConfigureAwait(false))
                {
                    // Settled: the field has shown the same text for a while.
                    return _session.Time.GetElapsedTime(evaluated.Timestamp, frame.Timestamp) >= settle;
                }

                read = await ReadAsync(field, frame, cancellationToken).ConfigureAwait(false);
                evaluated?.Dispose();
                evaluated = frame.Share();
                return Same(read, expected, secret);
            }, e => _screen.VideoFault("Closed-loop typing", timeout, barrier, e), cancellationToken).ConfigureAwait(false);

            if (evaluated is null)
            {
                evaluated = _screen.Video.TryGetLatest() ?? throw _screen.VideoFault("Closed-loop typing", timeout, barrier, null);
                read = await ReadAsync(field, evaluated, cancellationToken).ConfigureAwait(false);
            }

            return (read!, evaluated);
        }
        finally
        {
            before?.Dispose();
        }
    }

    private async ValueTask<string> ReadAsync(Locator field, Frame frame, CancellationToken cancellationToken)
    {
        var found = await field.Query.EvaluateAsync(_screen.Vision, frame, SearchScope.WholeFrame, null, 0, cancellationToken).ConfigureAwait(false);
        return found.Found ? await field.Query.ReadTextAsync(_screen.Vision, frame, found, cancellationToken).ConfigureAwait(false) : string.Empty;
    }
}
