using System.Text.Json.Nodes;
using Openterface.Hil.Imaging;

namespace Openterface.Hil.Video;

/// <summary>
/// One screen grab over QMP: <c>screendump</c> to a PPM file in /dev/shm (2 ms at 720x400, 6 ms at 1024x768;
/// PNG 11-58 ms; VNC 25-30 updates/s), read into a reused buffer, decoded into a pooled frame. Not thread-safe.
/// </summary>
internal sealed class QmpScreenCapture : IDisposable
{
    private const string Prefix = "hil-screendump-";

    private byte[] _buffer = new byte[1 << 20];

    private static int _swept;

    public QmpScreenCapture()
    {
        var directory = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        if (Interlocked.Exchange(ref _swept, 1) == 0)
        {
            SweepOrphans(directory);
        }

        FilePath = Path.Combine(directory, $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}.ppm");

        // Created empty and 0600 before QEMU writes to it (QEMU truncates, keeping the mode): the target's screen may
        // show secrets, and other users must not read it.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (new FileStream(FilePath, options))
        {
        }
    }

    /// <summary>Where QEMU writes the dump (QEMU must run on this machine).</summary>
    public string FilePath { get; }

    public async ValueTask<Frame> CaptureAsync(QmpClient client, CancellationToken cancellationToken)
    {
        await client.ExecuteAsync("screendump", new JsonObject { ["filename"] = FilePath }, cancellationToken).ConfigureAwait(false);
        using var handle = File.OpenHandle(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = (int)RandomAccess.GetLength(handle);
        if (_buffer.Length < length)
        {
            _buffer = new byte[length];
        }

        var read = 0;
        while (read < length)
        {
            var n = RandomAccess.Read(handle, _buffer.AsSpan(read, length - read), read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return PpmDecoder.Decode(_buffer.AsSpan(0, read));
    }

    public void Dispose()
    {
        File.Delete(FilePath);
    }

    /// <summary>
    /// Deletes dumps left by processes that no longer run (killed before <see cref="Dispose"/>): the last picture of a
    /// target's screen must not stay readable in /dev/shm. Only this user's files can be deleted there (sticky folder).
    /// </summary>
    internal static void SweepOrphans(string directory)
    {
        foreach (var path in Directory.EnumerateFiles(directory, Prefix + "*.ppm"))
        {
            var name = Path.GetFileName(path).AsSpan(Prefix.Length);
            var dash = name.IndexOf('-');
            if (dash > 0 && int.TryParse(name[..dash], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid) && !ProcessRuns(pid))
            {
                try
                {
                    File.Delete(path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Another user's dump: not ours to delete.
                }
            }
        }
    }

    private static bool ProcessRuns(int pid) => !OperatingSystem.IsLinux() || Directory.Exists($"/proc/{pid}");
}
