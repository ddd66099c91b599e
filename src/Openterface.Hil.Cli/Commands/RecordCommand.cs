using System.CommandLine;
using System.Text.Json;
using Openterface.Hil.Video;

namespace Openterface.Hil.Cli.Commands;

/// <summary>`hil record --video URI --seconds N -o FILE.mp4`: records a browser-playable video, showing progress.</summary>
internal sealed class RecordCommand : ICommandFactory
{
    public Command Create()
    {
        var video = new Option<string>("--video") { Description = $"Capture URI: {FrameSources.SupportedUris}.", Required = true };
        var seconds = new Option<double>("--seconds") { Description = "How long to record.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Video file: .mp4 (H.264) or .webm (VP8).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout." };
        var command = new Command("record", "Record a capture device or stream to a browser-playable video (real speed).");
        command.Options.Add(video);
        command.Options.Add(seconds);
        command.Options.Add(output);
        command.Options.Add(json);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                var duration = TimeSpan.FromSeconds(parseResult.GetValue(seconds));
                if (duration <= TimeSpan.Zero)
                {
                    throw new ArgumentException($"--seconds must be positive, got '{duration.TotalSeconds}'.");
                }

                var path = parseResult.GetValue(output)!;
                var frames = await RecordAsync(parseResult.GetValue(video)!, path, duration, Console.Error, cancellationToken).ConfigureAwait(false);
                if (parseResult.GetValue(json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(new { path = Path.GetFullPath(path), seconds = duration.TotalSeconds, frames }));
                }
                else
                {
                    Console.WriteLine($"Saved '{path}' ({duration.TotalSeconds:0.#} s, {frames} frames captured).");
                }

                return 0;
            }
            catch (Exception e) when (e is HilException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                return CliErrors.Report(e);
            }
        });
        return command;
    }

    internal static async Task<int> RecordAsync(string uri, string path, TimeSpan duration, TextWriter progress, CancellationToken cancellationToken)
    {
        var source = await FrameSources.OpenAsync(uri, cancellationToken: cancellationToken).ConfigureAwait(false);
        var live = LiveVideo.Start(source);
        await using (live.ConfigureAwait(false))
        {
            live.HealthChanged += (_, e) => progress.WriteLine($"video health: {e.Kind}: {e.Evidence}");
            var recorder = VideoRecorder.Start(live, path);
            await using (recorder.ConfigureAwait(false))
            {
                var time = TimeProvider.System;
                var started = time.GetTimestamp();
                while (time.GetElapsedTime(started) < duration)
                {
                    var left = duration - time.GetElapsedTime(started);
                    await Task.Delay(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1), time, cancellationToken).ConfigureAwait(false);
                    var elapsed = Math.Min(time.GetElapsedTime(started).TotalSeconds, duration.TotalSeconds);
                    await progress.WriteLineAsync(
                        $"recording '{path}': {elapsed:0.0}/{duration.TotalSeconds:0.#} s, {recorder.FramesReceived} frames").ConfigureAwait(false);
                }

                await recorder.StopAsync(cancellationToken).ConfigureAwait(false);
                return recorder.FramesReceived;
            }
        }
    }
}
