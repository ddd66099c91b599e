using Openterface.Hil.Imaging;

namespace Openterface.Hil.Reporting.Tests;

public sealed class AllureStepListenerTests
{
    private static readonly Dictionary<string, string> NoParameters = [];

    [Test]
    public void Steps_nest_under_their_parent_with_status_timings_and_parameters()
    {
        using var dir = new TempDirectory();
        var test = ResultsFolder.Start(dir.Path);
        var t0 = ResultsFolder.Epoch;
        var group = new StepInfo(1, null, "Log in", StepKind.Group, NoParameters, t0);
        var press = new StepInfo(2, 1, "Press 'enter'", StepKind.Action, new Dictionary<string, string> { ["chord"] = "enter" }, t0.AddMilliseconds(10));
        var wait = new StepInfo(3, 1, "Wait for needle 'login'", StepKind.Wait, NoParameters, t0.AddMilliseconds(20));
        test.Listener.OnStepStarted(group);
        test.Listener.OnStepStarted(press);
        test.Listener.OnStepFinished(press, Outcome(StepStatus.Passed, t0.AddMilliseconds(15)));
        test.Listener.OnStepStarted(wait);
        test.Listener.OnStepFinished(wait, Outcome(StepStatus.Failed, t0.AddMilliseconds(3020), new ExpectationFailedException("Needle 'login' not found within 3s.")));
        test.Listener.OnStepFinished(group, Outcome(StepStatus.Failed, t0.AddMilliseconds(3021)));
        test.Finish(AllureStatus.Failed);

        var root = ResultsFolder.ReadResult(dir.Path).GetProperty("steps");
        var children = root[0].GetProperty("steps");
        Assert.Multiple(() =>
        {
            Assert.That(root.GetArrayLength(), Is.EqualTo(1));
            Assert.That(root[0].GetProperty("name").GetString(), Is.EqualTo("Log in"));
            Assert.That(children.GetArrayLength(), Is.EqualTo(2));
            Assert.That(children[0].GetProperty("status").GetString(), Is.EqualTo("passed"));
            Assert.That(children[0].GetProperty("parameters")[0].GetProperty("value").GetString(), Is.EqualTo("enter"));
            Assert.That(children[0].GetProperty("stop").GetInt64() - children[0].GetProperty("start").GetInt64(), Is.EqualTo(5));
            Assert.That(children[1].GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(children[1].GetProperty("statusDetails").GetProperty("message").GetString(), Does.Contain("not found within 3s"));
        });
    }

    [Test]
    public void Step_frame_becomes_a_jpeg_screenshot_and_evidence_is_attached()
    {
        using var dir = new TempDirectory();
        var test = ResultsFolder.Start(dir.Path);
        var step = new StepInfo(1, null, "Wait for text 'login:'", StepKind.Wait, NoParameters, ResultsFolder.Epoch);
        using var frame = Frame.FromPixels(Enumerable.Repeat((byte)90, 64 * 48 * 3).ToArray(), 64, 48, PixelFormat.Bgr24);
        test.Listener.OnStepStarted(step);
        test.Listener.OnStepFinished(step, new StepOutcome(StepStatus.Broken, ResultsFolder.Epoch, new RigFaultException("No frames for 5s."), frame,
            [new StepAttachment("Call log", "text/plain", "txt", "1. no frame\n"u8.ToArray()), new StepAttachment("Diff", "image/png", "png", new byte[] { 1, 2, 3 })]));
        test.Finish(AllureStatus.Broken);

        var attachments = ResultsFolder.ReadResult(dir.Path).GetProperty("steps")[0].GetProperty("attachments");
        var screenshot = attachments[0];
        var bytes = File.ReadAllBytes(Path.Combine(dir.Path, screenshot.GetProperty("source").GetString()!));
        Assert.Multiple(() =>
        {
            Assert.That(attachments.GetArrayLength(), Is.EqualTo(3));
            Assert.That(screenshot.GetProperty("type").GetString(), Is.EqualTo("image/jpeg"));
            Assert.That(bytes.Take(2), Is.EqualTo(new byte[] { 0xFF, 0xD8 }), "JPEG magic");
            Assert.That(attachments[1].GetProperty("name").GetString(), Is.EqualTo("Call log"));
            Assert.That(attachments[2].GetProperty("source").GetString(), Does.EndWith("-attachment.png"));
            Assert.That(ResultsFolder.ReadResult(dir.Path).GetProperty("steps")[0].GetProperty("status").GetString(), Is.EqualTo("broken"));
        });
    }

    [Test]
    public void Steps_still_open_when_the_test_ends_are_marked_broken()
    {
        using var dir = new TempDirectory();
        var test = ResultsFolder.Start(dir.Path);
        test.Listener.OnStepStarted(new StepInfo(1, null, "Wait for needle 'desktop'", StepKind.Wait, NoParameters, ResultsFolder.Epoch));
        test.Finish(AllureStatus.Failed);
        var step = ResultsFolder.ReadResult(dir.Path).GetProperty("steps")[0];
        Assert.Multiple(() =>
        {
            Assert.That(step.GetProperty("status").GetString(), Is.EqualTo("broken"));
            Assert.That(step.GetProperty("stage").GetString(), Is.EqualTo("interrupted"));
        });
    }

    private static StepOutcome Outcome(StepStatus status, DateTimeOffset at, Exception? error = null) =>
        new(status, at, error, null, []);
}
