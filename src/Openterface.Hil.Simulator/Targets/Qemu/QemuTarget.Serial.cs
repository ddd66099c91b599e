using System.Text;

namespace Openterface.Hil.Simulator;

/// <summary>The guest's ttyS0 (kernel console, a getty, the USB disk reports), appended to <see cref="SerialLogPath"/>.</summary>
public sealed partial class QemuTarget
{
    /// <summary>The serial log from byte <paramref name="fromOffset"/> on (Latin-1, so offsets are characters).</summary>
    public string ReadSerialLog(long fromOffset = 0)
    {
        if (!File.Exists(SerialLogPath))
        {
            return string.Empty;
        }

        using var stream = new FileStream(SerialLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (fromOffset >= stream.Length)
        {
            return string.Empty;
        }

        stream.Position = fromOffset;
        using var reader = new StreamReader(stream, Encoding.Latin1);
        return reader.ReadToEnd();
    }

    /// <summary>The current length of the serial log: take it before an action, wait for text after it.</summary>
    public long SerialLogLength => File.Exists(SerialLogPath) ? new FileInfo(SerialLogPath).Length : 0;

    /// <summary>
    /// Waits until <paramref name="text"/> appears in the serial log after <paramref name="fromOffset"/> and returns
    /// the offset just past it.
    /// </summary>
    public async Task<long> WaitForSerialTextAsync(string text, TimeSpan timeout, long fromOffset = 0, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        var started = _timeProvider.GetTimestamp();
        while (true)
        {
            var log = ReadSerialLog(fromOffset);
            var index = log.IndexOf(text, StringComparison.Ordinal);
            if (index >= 0)
            {
                return fromOffset + index + text.Length;
            }

            if (_timeProvider.GetElapsedTime(started) > timeout)
            {
                var tail = log.Length > 400 ? log[^400..] : log;
                throw new QemuTargetException(
                    $"'{text}' did not appear on the QEMU target's ttyS0 within {timeout.TotalSeconds:0.#}s. Last output: '{tail}'.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
