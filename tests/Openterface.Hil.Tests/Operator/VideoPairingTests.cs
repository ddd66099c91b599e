using Openterface.Hil.Device;

namespace Openterface.Hil.Tests.Operator;

/// <summary>Issue 15 finding 2: video "auto" opens the capture node paired with the discovered Mini-KVM.</summary>
[TestFixture]
public sealed class VideoPairingTests
{
    private static readonly DiscoveredKvm SecondUnit = new(
        "/dev/ttyUSB1", "1a86:7523", "/dev/video2", "534d:2109", "/dev/hidraw3", "1-3.1", "gen1", "1-3.2");

    [Test]
    public void Auto_video_is_the_discovered_units_own_capture_node() =>
        Assert.That(RigConnector.VideoUriFor("auto", SecondUnit), Is.EqualTo("/dev/video2"));

    [TestCase("/dev/video0")]
    [TestCase("http://127.0.0.1:8080/stream")]
    public void An_explicit_video_uri_is_kept(string uri) =>
        Assert.That(RigConnector.VideoUriFor(uri, SecondUnit), Is.EqualTo(uri));

    [Test]
    public void Auto_without_discovery_is_left_to_the_video_layer() =>
        Assert.That(RigConnector.VideoUriFor("auto", null), Is.EqualTo("auto"));
}
