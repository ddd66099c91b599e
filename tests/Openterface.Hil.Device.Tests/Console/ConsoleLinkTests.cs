using System.Text.RegularExpressions;

namespace Openterface.Hil.Device.Tests;

[TestFixture]
public sealed class ConsoleLinkTests
{
    private static readonly Regex Prompt = new("login:");

    [Test]
    public async Task A_wait_from_a_barrier_ignores_earlier_output_and_matches_the_next()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var port = new MemoryConsolePort();
        await using var link = await ConsoleLink.OpenAsync("/dev/ttyUSB1", Options(time, () => port));
        port.Push("hil-target login: ");
        await WaitForTextAsync(link, "login: ");
        var barrier = link.Transcript.TextLength;

        var wait = ConsoleWait.RunAsync(link, Prompt, barrier, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), time, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(wait.IsCompleted, Is.False, "the prompt before the barrier must not match");
        port.Push("\r\nhil-target login: ");
        var (result, match) = await wait.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(ConsoleWaitResult.Matched));
            Assert.That(match!.Index, Is.GreaterThanOrEqualTo(barrier));
        });
    }

    [Test]
    public async Task A_wait_times_out_on_the_fake_clock()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var port = new MemoryConsolePort();
        await using var link = await ConsoleLink.OpenAsync("/dev/ttyUSB1", Options(time, () => port));

        var wait = ConsoleWait.RunAsync(link, Prompt, 0, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1), time, CancellationToken.None);
        for (var i = 0; i < 40 && !wait.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Yield();
        }

        var (result, _) = await wait.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(result, Is.EqualTo(ConsoleWaitResult.TimedOut));
    }

    [Test]
    public async Task A_console_that_vanishes_mid_wait_ends_it_as_disconnected_and_a_replug_resumes()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var ports = new List<MemoryConsolePort>();
        var plugged = true;
        MemoryConsolePort Open()
        {
            if (!plugged)
            {
                throw new DeviceNotFoundException("Serial port '/dev/ttyUSB1' does not exist.");
            }

            var port = new MemoryConsolePort();
            lock (ports)
            {
                ports.Add(port);
            }

            return port;
        }

        await using var link = await ConsoleLink.OpenAsync("/dev/ttyUSB1?baud=9600", Options(time, Open));
        var wait = ConsoleWait.RunAsync(link, Prompt, 0, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2), time, CancellationToken.None);
        plugged = false;
        ports[0].Vanish();
        await PollAsync(() => link.State == LinkState.Disconnected);
        time.Advance(TimeSpan.FromSeconds(2.5));
        var (result, _) = await wait.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(result, Is.EqualTo(ConsoleWaitResult.Disconnected));

        plugged = true;
        await PollAsync(() =>
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            return link.State == LinkState.Connected;
        });
        ports[^1].Push("hil-target login: ");
        var (again, _) = await ConsoleWait.RunAsync(link, Prompt, 0, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2), time, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(ConsoleWaitResult.Matched));
            Assert.That(link.Events, Has.Some.Contains("console lost"));
            Assert.That(link.Events, Has.Some.Contains("console reconnected: /dev/ttyUSB1?baud=9600"));
        });
    }

    [Test]
    public async Task Writes_reach_the_port_and_fail_as_transient_while_disconnected()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var port = new MemoryConsolePort();
        var opened = 0;
        await using var link = await ConsoleLink.OpenAsync("tcp://127.0.0.1:1", Options(time, () => opened++ == 0 ? port : throw new DeviceNotFoundException("gone")));

        await link.WriteAsync("root\n"u8.ToArray());
        port.Vanish();
        await PollAsync(() => link.State == LinkState.Disconnected);
        var failure = Assert.ThrowsAsync<DeviceException>(() => link.WriteAsync("x"u8.ToArray()));

        Assert.Multiple(() =>
        {
            Assert.That(port.Written, Is.EqualTo("root\n"u8.ToArray()));
            Assert.That(failure!.IsTransient, Is.True);
            Assert.That(failure.Message, Does.Contain("tcp://127.0.0.1:1"));
        });
    }

    [TestCase("sim")]
    [TestCase("ttyUSB1")]
    [TestCase("http://host/x")]
    [TestCase("/dev/ttyUSB1?baud=12345")]
    [TestCase("/dev/ttyUSB1?speed=9600")]
    public void Bad_console_uris_are_rejected_with_the_value_quoted(string uri)
    {
        var error = Assert.Throws<ArgumentException>(() => ConsoleEndpoint.Parse(uri));
        Assert.That(error!.Message, Does.Contain("'" + (uri == "/dev/ttyUSB1?baud=12345" ? "12345" : uri == "/dev/ttyUSB1?speed=9600" ? "speed=9600" : uri) + "'"));
    }

    [Test]
    public void A_tty_uri_carries_its_baud_rate_and_defaults_to_115200()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ConsoleEndpoint.Parse("/dev/ttyUSB1?baud=9600"), Is.EqualTo(new ConsoleEndpoint("/dev/ttyUSB1?baud=9600", "/dev/ttyUSB1", 9600, false)));
            Assert.That(ConsoleEndpoint.Parse("/dev/ttyUSB1").BaudRate, Is.EqualTo(115200));
            Assert.That(ConsoleEndpoint.Parse("tcp://127.0.0.1:2000").IsTcp, Is.True);
        });
    }

    internal static ConsoleLinkOptions Options(ManualTimeProvider time, Func<ISerialPort> open) => new()
    {
        TimeProvider = time,
        OpenPort = (_, _) => Task.FromResult(open()),
    };

    private static async Task WaitForTextAsync(ConsoleLink link, string text) =>
        await PollAsync(() => link.Transcript.Text.Contains(text, StringComparison.Ordinal));

    /// <summary>Waits (real time, bounded) for a condition another thread makes true; never a timed assert.</summary>
    private static async Task PollAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.That(condition(), Is.True, "condition not reached");
    }
}
