using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Openterface.Hil.Simulator.Tests.Qemu;

/// <summary>
/// The QEMU target's ttyS0 as the rig's console, driven through <see cref="ITargetUart"/> after a root login on
/// ttyS0: a long line written at once reaches the guest byte for byte, and output printed while the host's reader
/// stalls reaches the host whole. With QEMU's Unix-socket chardev the kernel's console messages lost characters then:
/// QEMU writes ttyS0 one byte per send, the socket is full after a few hundred, and the guest's polling console
/// driver gives characters up (the two other tests guard the shell's path, which the socket only slowed down).
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("Qemu")]
public sealed partial class QemuSerialConsoleTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private QemuTarget _target = null!;

    [OneTimeSetUp]
    public async Task LogInOnTtyS0()
    {
        QemuTestEnvironment.RequireQemu();
        _target = await QemuTarget.CreateAsync(new QemuTargetOptions { StartFrom = QemuStartPoint.LoginPrompt });
        await _target.PowerAsync(VirtualPowerAction.On);
        var mark = _target.SerialLogLength;
        await WriteAsync("\n");
        mark = await _target.WaitForSerialTextAsync("hil-target login:", Timeout, mark);
        await WriteAsync("root\n");
        mark = await _target.WaitForSerialTextAsync("Password:", Timeout, mark);
        await WriteAsync("hil\n");
        await _target.WaitForSerialTextAsync("root@hil-target", Timeout, mark);
    }

    [OneTimeTearDown]
    public async Task StopTarget()
    {
        if (_target is not null)
        {
            await _target.DisposeAsync();
        }
    }

    [Test]
    public async Task A_4000_byte_line_written_at_once_reaches_the_guest_byte_for_byte()
    {
        // 400 numbered 10-byte groups: a lost or reordered byte changes the digest, not only the count.
        var line = string.Concat(Enumerable.Range(0, 400).Select(i => $"{i:D4}abcdef"));
        var expected = Convert.ToHexStringLower(MD5.HashData(Encoding.ASCII.GetBytes(line + "\n")));
        var mark = _target.SerialLogLength;
        await WriteAsync("echo RE''ADY; cat > /tmp/long\n");
        mark = await _target.WaitForSerialTextAsync("READY", Timeout, mark);

        await WriteAsync(line + "\n\u0004");
        await WriteAsync("echo SUM=$(md5sum < /tmp/long | cut -c1-32) LEN=$(wc -c < /tmp/long) CHE''CKED\n");
        var end = await _target.WaitForSerialTextAsync("CHECKED", Timeout, mark);
        var output = _target.ReadSerialLog(mark)[..(int)(end - mark)];

        var result = CheckLine().Match(output);
        Assert.That(result.Success, Is.True, $"no SUM=... LEN=... line in '{Tail(output)}'");
        Assert.Multiple(() =>
        {
            Assert.That(result.Groups["len"].Value, Is.EqualTo("4001"), "bytes cat received (4000 and the newline)");
            Assert.That(result.Groups["sum"].Value, Is.EqualTo(expected), "md5 of what cat received");
        });
    }

    [Test]
    public async Task A_large_output_reaches_the_host_whole_while_the_reader_stalls()
    {
        // A slow subscriber holds the target's reader for 5 s once the output starts: the guest keeps printing meanwhile.
        using var stall = StallOnce();
        var mark = _target.SerialLogLength;
        await WriteAsync("seq 1 20000; echo SEQ''-DONE\n");
        await stall.HoldAsync(TimeSpan.FromSeconds(5));
        var end = await _target.WaitForSerialTextAsync("SEQ-DONE", Timeout, mark);

        // A kernel message (say "random: crng init done") may land in the middle of a line: it is not seq's.
        var output = KernelConsoleLine().Replace(_target.ReadSerialLog(mark)[..(int)(end - mark)], string.Empty);
        var numbers = NumberLine().Matches(output).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("\n20000\r\n"), "the last line");
            Assert.That(numbers, Is.EqualTo(Enumerable.Range(1, 20000)), $"every line, in order (around the first gap: '{AroundGap(output, numbers)}')");
        });
    }

    [Test]
    public async Task Kernel_messages_printed_while_the_reader_stalls_all_reach_the_host()
    {
        // The kernel's console writes ttyS0 by polling and gives a character up after ~10 ms without room; with QEMU's
        // Unix socket full (a stalled host reader), characters of these messages were lost.
        using var stall = StallOnce();
        var mark = _target.SerialLogLength;
        await WriteAsync("for i in $(seq 1 1000); do echo KMSG-$i > /dev/kmsg; done; echo KM''DONE\n");
        await stall.HoldAsync(TimeSpan.FromSeconds(5));
        var end = await _target.WaitForSerialTextAsync("KMDONE", Timeout, mark);

        var output = _target.ReadSerialLog(mark)[..(int)(end - mark)];
        var seen = KernelMessage().Matches(output).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var missing = Enumerable.Range(1, 1000).Where(i => !seen.Contains(i)).ToList();
        Assert.That(missing, Is.Empty, $"kernel messages lost or damaged on ttyS0 (tail: '{Tail(output)}')");
    }

    private ReaderStall StallOnce() => new(_target);

    [GeneratedRegex(@"\] KMSG-(\d+)\r\n")]
    private static partial Regex KernelMessage();

    /// <summary>The text around the first number missing from <paramref name="numbers"/> (which should be 1, 2, ...).</summary>
    private static string AroundGap(string output, List<int> numbers)
    {
        var gap = numbers.Select((n, i) => (n, i)).FirstOrDefault(p => p.n != p.i + 1);
        var before = gap == default ? numbers.Count : gap.n - 1;
        var at = output.IndexOf($"\n{before - 1}\r\n", StringComparison.Ordinal);
        return at < 0 ? Tail(output) : output.Substring(at, Math.Min(300, output.Length - at));
    }

    private static string Tail(string text) => text.Length > 600 ? text[^600..] : text;

    private Task WriteAsync(string text) => _target.WriteUartAsync(Encoding.ASCII.GetBytes(text)).AsTask();

    [GeneratedRegex(@"SUM=(?<sum>[0-9a-f]{32}) LEN=(?<len>\d+) CHECKED")]
    private static partial Regex CheckLine();

    [GeneratedRegex(@"\[\s*\d+\.\d+\] [^\r\n]*\r\n")]
    private static partial Regex KernelConsoleLine();

    [GeneratedRegex(@"(?m)^(\d+)\r?$")]
    private static partial Regex NumberLine();

    /// <summary>
    /// A slow subscriber: the first output chunk after it is made holds the target's reader (the thread raising
    /// <see cref="ITargetUart.UartOutput"/>) until <see cref="HoldAsync"/> has waited its time.
    /// </summary>
    private sealed class ReaderStall : IDisposable
    {
        private readonly QemuTarget _target;
        private readonly ManualResetEventSlim _stalled = new();
        private readonly ManualResetEventSlim _release = new();
        private int _armed = 1;

        public ReaderStall(QemuTarget target)
        {
            _target = target;
            _target.UartOutput += OnOutput;
        }

        /// <summary>Waits until the reader is held, keeps it held for <paramref name="duration"/>, then lets it go.</summary>
        public async Task HoldAsync(TimeSpan duration)
        {
            await Task.Run(() => _stalled.Wait(Timeout));
            Assert.That(_stalled.IsSet, Is.True, "the target printed nothing after the command");
            await Task.Delay(duration);
            _release.Set();
        }

        public void Dispose()
        {
            _release.Set();
            _target.UartOutput -= OnOutput;
            _stalled.Dispose();
            _release.Dispose();
        }

        private void OnOutput(object? sender, ReadOnlyMemory<byte> data)
        {
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                _stalled.Set();
                _release.Wait(Timeout);
            }
        }
    }
}
