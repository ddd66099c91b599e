namespace Openterface.Hil.Video.Tests;

public class FrameSourcesTests
{
    [TestCase("ftp://rig/video")]
    [TestCase("rtsp://rig:554/live")]
    public void An_unknown_scheme_lists_the_supported_uris(string uri)
    {
        var error = Assert.ThrowsAsync<VideoException>(() => FrameSources.OpenAsync(uri));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.StartWith($"Unknown video URI '{uri}'"));
            Assert.That(error.Message, Does.Contain("'auto'").And.Contain("'/dev/videoN'").And.Contain("'http://host:port/stream'")
                .And.Contain("'file:///dir'").And.Contain("'qmp:///path/qmp.sock'"));
        });
    }

    [Test]
    public void A_word_that_is_not_a_uri_is_refused_with_the_supported_list()
    {
        var error = Assert.ThrowsAsync<VideoException>(() => FrameSources.OpenAsync("webcam"));

        Assert.That(error!.Message, Does.StartWith("Unknown video URI 'webcam': it is not a URI or an absolute device path. Supported:"));
    }

    [TestCase("/dev/null")]
    [TestCase("/dev/zero")]
    public void A_device_that_is_not_a_capture_device_is_refused(string path)
    {
        var error = Assert.ThrowsAsync<VideoException>(() => FrameSources.OpenAsync(path));

        Assert.That(error!.Message, Does.StartWith($"'{path}' is not a V4L2 capture device").And.Contain("v4l2-ctl --list-devices"));
    }

    [Test]
    public void A_missing_video_device_says_it_does_not_exist()
    {
        var error = Assert.ThrowsAsync<VideoException>(() => FrameSources.OpenAsync("/dev/video97"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.StartWith("Video device '/dev/video97' does not exist."));
            Assert.That(error.IsRigFault, Is.True);
        });
    }

    [Test]
    public void OpenCv_refuses_a_node_that_is_not_a_camera_with_a_clear_error()
    {
        var error = Assert.Throws<VideoException>(() => OpenCvCapture.Open("/dev/null", new FrameSourceOptions()));

        Assert.That(error!.Message, Does.StartWith("Cannot open video device '/dev/null'"));
    }
}
