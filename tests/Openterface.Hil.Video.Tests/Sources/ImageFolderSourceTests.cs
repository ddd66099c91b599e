using System.Drawing;
using Openterface.Hil.Imaging;

namespace Openterface.Hil.Video.Tests;

public class ImageFolderSourceTests
{
    [Test]
    public async Task A_folder_replays_png_and_jpeg_files_in_name_order_at_the_given_rate()
    {
        using var folder = new TempDirectory();
        using (var a = TestJpegs.Pattern(40, 30, 1))
        {
            a.Save(folder.File("001.png"));
        }

        await File.WriteAllBytesAsync(folder.File("002.jpg"), TestJpegs.PatternJpeg(20, 10, 2));
        await File.WriteAllTextAsync(folder.File("notes.txt"), "ignored");
        var time = new ManualTimeProvider(LiveVideoHarness.Epoch, TimeSpan.FromSeconds(100));
        await using var source = await FrameSources.OpenAsync(new Uri(folder.Path).AbsoluteUri + "?fps=2&loop=false", new FrameSourceOptions { TimeProvider = time });

        using var first = await source.ReadFrameAsync();
        var pending = source.ReadFrameAsync().AsTask();
        var waitedForTheClock = !pending.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(500));
        using var second = await pending;
        var end = Assert.ThrowsAsync<VideoException>(async () => await source.ReadFrameAsync());

        Assert.Multiple(() =>
        {
            Assert.That(first.Size, Is.EqualTo(new Size(40, 30)));
            Assert.That(second.Size, Is.EqualTo(new Size(20, 10)));
            Assert.That(waitedForTheClock, Is.True, "the second frame is due 0.5 s after the first");
            Assert.That(time.GetElapsedTime(first.Timestamp, second.Timestamp), Is.EqualTo(TimeSpan.FromMilliseconds(500)));
            Assert.That(end!.Message, Does.Contain("reached its end after 2 frames. Add '?loop=true' to repeat it."));
        });
    }

    [Test]
    public void An_empty_folder_is_refused()
    {
        using var folder = new TempDirectory();

        var error = Assert.ThrowsAsync<VideoException>(() => FrameSources.OpenAsync(new Uri(folder.Path).AbsoluteUri));

        Assert.That(error!.Message, Does.EndWith("holds no frames. Put PNG or JPEG files in the folder (or pass an .mjpeg file)."));
    }

    [Test]
    public void A_missing_folder_is_refused()
    {
        var error = Assert.ThrowsAsync<VideoException>(() => FrameSources.OpenAsync("file:///no/such/recording"));

        Assert.That(error!.Message, Does.StartWith("Replay source '/no/such/recording' does not exist."));
    }
}
