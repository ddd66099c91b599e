namespace Openterface.Hil.Video.Tests;

/// <summary>Issue 14, finding 12: ffmpeg got the raw output path, so '-y.mp4' or 'http:x.mp4' was not a file name.</summary>
public class FfmpegOutputTests
{
    [TestCase("-y.mp4")]
    [TestCase("-vf.webm")]
    [TestCase("http:evil.mp4")]
    public void The_output_reaches_ffmpeg_as_an_absolute_file_url(string name)
    {
        var argument = FfmpegEncoder.OutputArgument(name);

        Assert.That(argument, Is.EqualTo("file:" + Path.Combine(Environment.CurrentDirectory, name)));
    }
}
