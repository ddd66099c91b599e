using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Openterface.Hil.Video;

/// <summary>
/// An <c>ffmpeg</c> process (Debian package) turning JPEGs piped at a constant rate into a browser-playable
/// file: H.264 (libx264, yuv420p, +faststart) for .mp4/.m4v/.mov, VP8 for .webm. Full-range JPEG colour is
/// converted to the limited range browsers expect; odd sizes are trimmed to even.
/// </summary>
internal sealed class FfmpegEncoder : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _errors = new();
    private readonly Task _errorPump;

    private FfmpegEncoder(Process process, string path)
    {
        _process = process;
        Path = path;
        _errorPump = PumpErrorsAsync();
    }

    internal string Path { get; }

    /// <summary>
    /// The output as ffmpeg must see it: an absolute path behind ffmpeg's <c>file:</c> protocol, so a name
    /// starting with '-' is not read as an option and one containing ':' is not read as another protocol.
    /// </summary>
    internal static string OutputArgument(string path) => "file:" + System.IO.Path.GetFullPath(path);

    internal static FfmpegEncoder Start(string path, double framesPerSecond)
    {
        var codec = System.IO.Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".mp4" or ".m4v" or ".mov" => new[] { "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-movflags", "+faststart" },
            ".webm" => ["-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "4M", "-crf", "10"],
            _ => throw new ArgumentException($"Cannot record '{path}': use a .mp4 (H.264) or .webm (VP8) file name.", nameof(path)),
        };
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var info = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                     "-f", "image2pipe", "-framerate", framesPerSecond.ToString(CultureInfo.InvariantCulture), "-c:v", "mjpeg", "-i", "-",
                     "-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2:out_range=tv,format=yuv420p", "-pix_fmt", "yuv420p", "-an",
                 }.Concat(codec).Append(OutputArgument(path)))
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            var process = Process.Start(info) ?? throw new VideoException("ffmpeg did not start.");
            return new FfmpegEncoder(process, path);
        }
        catch (Win32Exception e)
        {
            throw new VideoException($"Cannot record '{path}': 'ffmpeg' could not be started ({e.Message}). Run 'ci/setup' (it installs the ffmpeg package).", e);
        }
    }

    internal async ValueTask WriteAsync(ReadOnlyMemory<byte> jpeg, int times, CancellationToken cancellationToken)
    {
        try
        {
            for (var i = 0; i < times; i++)
            {
                await _process.StandardInput.BaseStream.WriteAsync(jpeg, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (IOException e)
        {
            throw await FailureAsync($"ffmpeg stopped reading ({e.Message})").ConfigureAwait(false);
        }
    }

    /// <summary>Closes the input and waits for ffmpeg to finish the file.</summary>
    internal async Task CompleteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _process.StandardInput.BaseStream.FlushAsync(cancellationToken).ConfigureAwait(false);
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // ffmpeg already exited; its exit code and stderr tell why.
        }

        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        await _errorPump.ConfigureAwait(false);
        if (_process.ExitCode != 0)
        {
            throw await FailureAsync($"ffmpeg exited with code {_process.ExitCode}").ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        await _errorPump.ConfigureAwait(false);
        _process.Dispose();
    }

    private async Task<VideoException> FailureAsync(string what)
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
        await _errorPump.ConfigureAwait(false);
        string tail;
        lock (_errors)
        {
            tail = _errors.ToString().Trim();
        }

        return new VideoException($"Writing video '{Path}' failed: {what}: {(tail.Length == 0 ? "no error output" : tail)}.");
    }

    private async Task PumpErrorsAsync()
    {
        var output = _process.StandardOutput.ReadToEndAsync();
        while (await _process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            lock (_errors)
            {
                if (_errors.Length < 4000)
                {
                    _errors.AppendLine(line);
                }
            }
        }

        await output.ConfigureAwait(false);
    }
}
