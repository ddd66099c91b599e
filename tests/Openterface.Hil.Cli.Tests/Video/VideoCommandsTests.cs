using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Openterface.Hil.Imaging;
using Openterface.Hil.Simulator;

namespace Openterface.Hil.Cli.Tests.Video;

[CancelAfter(60_000)]
public class VideoCommandsTests
{
    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "hil-cli-video-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Screenshot_saves_a_fresh_frame_from_a_stream(CancellationToken ct)
    {
        await using var server = MjpegHttpServer.Start();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var replay = server.ReplayAsync([Jpeg(1), Jpeg(2)], 30, stop.Token);
        var path = Path.Combine(_folder, "shot.png");

        var (exit, output, error) = await CliRun.RunAsync("screenshot", "--video", server.Uri.ToString(), "-o", path, "--json");
        await stop.CancelAsync();
#pragma warning disable VSTHRD003 // The replay task was started by this test.
        Assert.ThrowsAsync<TaskCanceledException>(() => replay);
#pragma warning restore VSTHRD003

        Assert.That(exit, Is.EqualTo(0), error);
        using var saved = ImageCodec.Load(path);
        using var json = JsonDocument.Parse(output);
        Assert.Multiple(() =>
        {
            Assert.That(saved.Size, Is.EqualTo(new System.Drawing.Size(96, 64)));
            Assert.That(json.RootElement.GetProperty("width").GetInt32(), Is.EqualTo(96));
            Assert.That(json.RootElement.GetProperty("sequence").GetInt64(), Is.GreaterThanOrEqualTo(2), "the second frame after connecting");
            Assert.That(json.RootElement.GetProperty("source").GetString(), Is.EqualTo(server.Uri.ToString()));
        });
    }

    [Test]
    public async Task Screenshot_of_an_unknown_uri_fails_with_the_supported_list()
    {
        var (exit, _, error) = await CliRun.RunAsync("screenshot", "--video", "ftp://rig/cam", "-o", Path.Combine(_folder, "x.png"));

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(error, Does.StartWith("hil: Unknown video URI 'ftp://rig/cam'").And.Contain("Supported:"));
        });
    }

    [Test]
    public async Task Record_writes_a_real_speed_mp4_and_shows_progress(CancellationToken ct)
    {
        await using var server = MjpegHttpServer.Start();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var replay = server.ReplayAsync([Jpeg(1), Jpeg(2), Jpeg(3)], 15, stop.Token);
        var path = Path.Combine(_folder, "clip.mp4");

        var (exit, output, error) = await CliRun.RunAsync("record", "--video", server.Uri.ToString(), "--seconds", "1.5", "-o", path);
        await stop.CancelAsync();
#pragma warning disable VSTHRD003 // The replay task was started by this test.
        Assert.ThrowsAsync<TaskCanceledException>(() => replay);
#pragma warning restore VSTHRD003

        Assert.That(exit, Is.EqualTo(0), error);
        Assert.Multiple(() =>
        {
            Assert.That(error, Does.Contain($"recording '{path}': 1.0/1.5 s"));
            Assert.That(output, Does.StartWith($"Saved '{path}' (1.5 s, "));
            Assert.That(Duration(path), Is.EqualTo(1.5).Within(0.3), "the file plays for the recorded time");
        });
    }

    [Test]
    public async Task Record_from_a_device_that_is_not_a_camera_fails_clearly()
    {
        var (exit, _, error) = await CliRun.RunAsync("record", "--video", "/dev/null", "--seconds", "1", "-o", Path.Combine(_folder, "x.mp4"));

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(error, Does.StartWith("hil: '/dev/null' is not a V4L2 capture device"));
        });
    }

    private static ReadOnlyMemory<byte> Jpeg(int seed)
    {
        var pixels = new byte[96 * 64 * 3];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)((i * seed) % 251);
        }

        using var frame = Frame.FromPixels(pixels, 96, 64, PixelFormat.Bgr24);
        return frame.EncodeJpeg(90);
    }

    private static double Duration(string path)
    {
        var info = new ProcessStartInfo("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path])
        {
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(info)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return double.Parse(text.Trim(), CultureInfo.InvariantCulture);
    }
}
