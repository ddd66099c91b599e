namespace Openterface.Hil.Tests.Operator;

/// <summary>HIL_PAUSE_ON_FAILURE / HilOptions.PauseOnFailure: when to pause (issue 16), decided without a terminal.</summary>
public sealed class FailurePauseTests
{
    [TestCase(false, null, null, true, false, TestName = "No pause by default")]
    [TestCase(true, null, null, true, true, TestName = "The setting pauses on a terminal")]
    [TestCase(false, "1", null, true, true, TestName = "HIL_PAUSE_ON_FAILURE=1 pauses on a terminal")]
    [TestCase(true, "0", null, true, false, TestName = "HIL_PAUSE_ON_FAILURE=0 overrides the setting")]
    [TestCase(false, "1", null, false, false, TestName = "Never without a terminal on stdin")]
    [TestCase(true, "1", "true", true, false, TestName = "Never with CI=true")]
    [TestCase(true, "true", "1", true, false, TestName = "Never with CI=1")]
    public void Pause_decision(bool setting, string? pauseVariable, string? ci, bool terminal, bool pauses)
    {
        var environment = new Dictionary<string, string?> { ["HIL_PAUSE_ON_FAILURE"] = pauseVariable, ["CI"] = ci };

        Assert.That(FailurePause.Decide(setting, name => environment.GetValueOrDefault(name), terminal), Is.EqualTo(pauses));
    }

    [Test]
    public async Task The_pause_prints_the_rig_and_the_failure_frame_and_waits_for_a_line()
    {
        using var input = new StringReader("\n");
        using var output = new StringWriter();
        var pause = new FailurePause(new HilOptions { Serial = "tcp://127.0.0.1:4000", Video = "http://127.0.0.1:8080/video" }, input, output);
        using var frame = Frame.FromPixels(new byte[4 * 3], 4, 3, PixelFormat.Gray8);

        await pause.PauseAsync("Expect Needle('grub') visible", frame, CancellationToken.None);

        var printed = output.ToString();
        var png = printed.Split('\n').Single(l => l.Contains("frame:", StringComparison.Ordinal)).Split("frame:")[1].Trim();
        try
        {
            Assert.Multiple(() =>
            {
                Assert.That(printed, Does.Contain("Expect Needle('grub') visible").And.Contain("tcp://127.0.0.1:4000").And.Contain("http://127.0.0.1:8080/video"));
                Assert.That(File.Exists(png), Is.True, png);
                Assert.That(input.ReadLine(), Is.Null, "the Enter was consumed");
            });
        }
        finally
        {
            File.Delete(png);
        }
    }
}
