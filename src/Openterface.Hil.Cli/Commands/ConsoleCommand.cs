using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Openterface.Hil.Device;

namespace Openterface.Hil.Cli.Commands;

/// <summary>
/// `hil console --console URI [--expect REGEX] [--send TEXT] [--timeout S] [--json]`: the target's serial console.
/// --send goes first (\n, \r, \t, \\ and \xHH are interpreted); --expect then waits for the pattern in the output
/// that arrived after the send (exit 0) or times out (exit 1, printing what it saw). Without --expect the console
/// streams to stdout, byte for byte, until Ctrl+C (or --timeout).
/// </summary>
internal sealed class ConsoleCommand : ICommandFactory
{
    public Command Create()
    {
        var console = new Option<string>("--console") { Description = "Console URI: /dev/ttyUSB1[?baud=N], /dev/pts/N or tcp://host:port (what 'hil sim' prints).", Required = true };
        var expect = new Option<string?>("--expect") { Description = "Wait for this regular expression (ANSI escapes and CR removed; may span lines)." };
        var send = new Option<string?>("--send") { Description = "Send this text first; \\n, \\r, \\t, \\\\ and \\xHH are interpreted (e.g. 'root\\n')." };
        var timeout = new Option<double?>("--timeout") { Description = "Seconds: how long --expect waits (default 30), or how long to stream." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (with --expect)." };
        var command = new Command("console", "Read, wait for and send to the target's serial console.") { console, expect, send, timeout, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var pattern = parse.GetValue(expect) is { } text ? ParsePattern(text) : null;
                var seconds = parse.GetValue(timeout);
                if (seconds is <= 0)
                {
                    throw new ArgumentException($"--timeout '{seconds}' must be positive (seconds, e.g. 120).");
                }

                var link = await ConsoleLink.OpenAsync(parse.GetValue(console)!, cancellationToken: cancellationToken).ConfigureAwait(false);
                await using var linkLifetime = link.ConfigureAwait(false);
                var barrier = link.Transcript.TextLength;
                if (parse.GetValue(send) is { } toSend)
                {
                    await link.WriteAsync(Encoding.UTF8.GetBytes(Unescape(toSend)), cancellationToken).ConfigureAwait(false);
                }

                return pattern is null
                    ? await StreamAsync(link, seconds, cancellationToken).ConfigureAwait(false)
                    : await ExpectAsync(link, pattern, barrier, TimeSpan.FromSeconds(seconds ?? 30), parse.GetValue(json), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
            catch (Exception e) when (e is HilException or ArgumentException or IOException)
            {
                return CliErrors.Report(e);
            }
        });
        return command;
    }

    /// <summary>Interprets \n, \r, \t, \\, \0 and \xHH in <paramref name="text"/>.</summary>
    internal static string Unescape(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                result.Append(text[i]);
                continue;
            }

            var next = text[++i];
            switch (next)
            {
                case 'n': result.Append('\n'); break;
                case 'r': result.Append('\r'); break;
                case 't': result.Append('\t'); break;
                case '0': result.Append('\0'); break;
                case '\\': result.Append('\\'); break;
                case 'x' when i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]):
                    result.Append((char)Convert.ToInt32(text.Substring(i + 1, 2), 16));
                    i += 2;
                    break;
                default:
                    result.Append('\\').Append(next);
                    break;
            }
        }

        return result.ToString();
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static Regex ParsePattern(string text)
    {
        try
        {
            return new Regex(text, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"--expect '{text}' is not a valid regular expression: {e.Message}", e);
        }
    }

    private static async Task<int> ExpectAsync(ConsoleLink link, Regex pattern, int barrier, TimeSpan timeout, bool json, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var (result, match) = await ConsoleWait.RunAsync(link, pattern, barrier, timeout, TimeSpan.FromSeconds(2), TimeProvider.System, cancellationToken)
            .ConfigureAwait(false);
        var seen = match is null ? link.Transcript.TextSince(barrier) : link.Transcript.TextSince(barrier)[..(match.End - barrier)];
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                console = link.Uri,
                matched = result == ConsoleWaitResult.Matched,
                match = match?.Value,
                result = result.ToString(),
                elapsedSeconds = Math.Round(elapsed, 3),
                output = seen,
            }));
        }
        else
        {
            Console.Write(seen);
            if (seen.Length > 0 && !seen.EndsWith('\n'))
            {
                Console.WriteLine();
            }
        }

        switch (result)
        {
            case ConsoleWaitResult.Matched:
                return 0;
            case ConsoleWaitResult.Disconnected:
                await Console.Error.WriteLineAsync($"hil: the console '{link.Uri}' vanished and did not come back (rig fault): {string.Join("; ", link.Events)}").ConfigureAwait(false);
                return CliErrors.Failure;
            default:
                await Console.Error.WriteLineAsync($"hil: /{pattern}/ did not appear on '{link.Uri}' within {timeout.TotalSeconds:0.#}s (output above).").ConfigureAwait(false);
                return CliErrors.Failure;
        }
    }

    private static async Task<int> StreamAsync(ConsoleLink link, double? seconds, CancellationToken cancellationToken)
    {
        using var limit = seconds is { } s ? new CancellationTokenSource(TimeSpan.FromSeconds(s)) : new CancellationTokenSource();
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        var stdout = Console.OpenStandardOutput();
        await using var stdoutLifetime = stdout.ConfigureAwait(false);
        long written = 0;
        try
        {
            while (true)
            {
                var change = link.Transcript.WaitForChangeAsync(both.Token);
                var bytes = link.Transcript.RawSince(written);
                if (bytes.Length > 0)
                {
                    await stdout.WriteAsync(bytes, both.Token).ConfigureAwait(false);
                    await stdout.FlushAsync(both.Token).ConfigureAwait(false);
                    written += bytes.Length;
                    continue;
                }

                await change.ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            return 0;
        }
    }
}
