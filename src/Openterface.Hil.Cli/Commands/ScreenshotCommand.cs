using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Openterface.Hil.Imaging;
using Openterface.Hil.Video;

namespace Openterface.Hil.Cli.Commands;

/// <summary>`hil screenshot --video URI -o FILE.png`: saves a frame captured after the command started.</summary>
internal sealed class ScreenshotCommand : ICommandFactory
{
    public Command Create()
    {
        var video = new Option<string>("--video") { Description = $"Capture URI: {FrameSources.SupportedUris}.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Where to save the frame (.png or .jpg).", Required = true };
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for a fresh frame.", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout." };
        var command = new Command("screenshot", "Save a fresh frame from a capture device or stream.");
        command.Options.Add(video);
        command.Options.Add(output);
        command.Options.Add(timeout);
        command.Options.Add(json);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                var path = parseResult.GetValue(output)!;
                using var frame = await CaptureAsync(
                    parseResult.GetValue(video)!, TimeSpan.FromSeconds(parseResult.GetValue(timeout)), cancellationToken).ConfigureAwait(false);
                frame.Save(path);
                if (parseResult.GetValue(json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(new
                    {
                        path = Path.GetFullPath(path),
                        width = frame.Width,
                        height = frame.Height,
                        sequence = frame.Sequence,
                        source = frame.Source,
                        capturedAt = frame.CapturedAt.ToString("O", CultureInfo.InvariantCulture),
                    }));
                }
                else
                {
                    Console.WriteLine($"Saved '{path}' ({frame.Width}x{frame.Height}, frame #{frame.Sequence} of '{frame.Source}').");
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

    /// <summary>
    /// The second frame after opening: the first may be one the streamer had cached before we connected.
    /// </summary>
    internal static async Task<Frame> CaptureAsync(string uri, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var source = await FrameSources.OpenAsync(uri, cancellationToken: cancellationToken).ConfigureAwait(false);
        var live = LiveVideo.Start(source);
        await using (live.ConfigureAwait(false))
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                using var first = await live.WaitForFrameAsync(long.MinValue, deadline.Token).ConfigureAwait(false);
                return await live.WaitForFrameAsync(first.Timestamp, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new VideoException(
                    $"No fresh frame from '{uri}' within {timeout.TotalSeconds:0.#} s (health: {live.Health.Kind}, {live.Health.Evidence}). " +
                    "Check the capture device or stream.",
                    isRigFault: true);
            }
        }
    }
}
