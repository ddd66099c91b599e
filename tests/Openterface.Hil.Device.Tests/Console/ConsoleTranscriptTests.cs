using System.Text;
using System.Text.RegularExpressions;

namespace Openterface.Hil.Device.Tests;

[TestFixture]
public sealed class ConsoleTranscriptTests
{
    [Test]
    public void Text_drops_ansi_sequences_cr_and_control_characters_but_keeps_raw_bytes()
    {
        var transcript = new ConsoleTranscript(new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var raw = Encoding.UTF8.GetBytes("\u001b[1;32mOK\u001b[0m boot\r\n\u001b]0;title\u0007tab\there\u0007 \u001b(Bdone\r\n");

        transcript.Append(raw);

        Assert.Multiple(() =>
        {
            Assert.That(transcript.Text, Is.EqualTo("OK boot\ntab\there done\n"));
            Assert.That(transcript.RawSince(0), Is.EqualTo(raw));
        });
    }

    [Test]
    public void Escape_sequences_and_utf8_characters_split_across_reads_are_decoded_whole()
    {
        var transcript = new ConsoleTranscript(new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var bytes = Encoding.UTF8.GetBytes("Grüße \u001b[31mrot\u001b[0m ✓\n");

        foreach (var b in bytes)
        {
            transcript.Append([b]);
        }

        Assert.That(transcript.Text, Is.EqualTo("Grüße rot ✓\n"));
    }

    [Test]
    public void Each_line_is_stamped_when_its_first_character_arrives()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var transcript = new ConsoleTranscript(time);

        transcript.Append("first li"u8);
        time.Advance(TimeSpan.FromSeconds(1.5));
        transcript.Append("ne\nsecond\n"u8);
        time.Advance(TimeSpan.FromMilliseconds(250));
        transcript.Append("third"u8);

        Assert.That(transcript.FormatLines(), Is.EqualTo(new[]
        {
            "00:00:00.000 first line",
            "00:00:01.500 second",
            "00:00:01.750 third",
        }));
        Assert.That(transcript.FormatLines(maxLines: 1), Is.EqualTo(new[] { "00:00:01.750 third" }));
    }

    [Test]
    public void Find_searches_only_after_the_barrier_and_a_match_may_span_lines()
    {
        var transcript = new ConsoleTranscript(new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        transcript.Append("hil-target login: \r\n"u8);
        var barrier = transcript.TextLength;
        transcript.Append("Password: \r\nWelcome\r\nroot@hil-target:~# "u8);

        var login = transcript.Find(new Regex("login:"), barrier);
        var spanning = transcript.Find(new Regex(@"Welcome\s+root@"), barrier);

        Assert.Multiple(() =>
        {
            Assert.That(login, Is.Null, "'login:' arrived before the barrier");
            Assert.That(transcript.Find(new Regex("login:"), 0), Is.Not.Null);
            Assert.That(spanning?.Value, Is.EqualTo("Welcome\nroot@"));
            Assert.That(transcript.TextSince(barrier), Does.StartWith("Password:"));
        });
    }
}
