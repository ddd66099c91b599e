using Openterface.Hil.Tests.Fakes;
using Openterface.Hil.Video;

namespace Openterface.Hil.Tests.Operator;

[NonParallelizable]
public sealed class SessionTests
{
    [TearDown]
    public void ResetStatics()
    {
        TimeoutSettings.Global = new TimeoutSettings();
    }

    [Test]
    public async Task Connect_opens_the_rig_through_the_registered_connector()
    {
        await using var rig = new FakeRig();
        var connector = new RecordingConnector(rig);

        await using (var hil = await HilSession.ConnectAsync(Options(rig, o => o with { Serial = "/dev/ttyUSB0", Video = "/dev/video0", Needles = "needles" }), connector, default))
        {
            await hil.Keyboard.PressAsync("enter");
        }

        Assert.Multiple(() =>
        {
            Assert.That(connector.Endpoints, Is.EqualTo(new RigEndpoints("/dev/ttyUSB0", "/dev/video0", null, null, "needles")));
            Assert.That(rig.Disposed, Is.True);
        });
    }

    [Test]
    public async Task Virtual_targets_start_through_the_launcher_and_are_stopped_with_the_session()
    {
        await using var rig = new FakeRig();
        var connector = new RecordingConnector(rig);
        var stopped = false;
        string? launched = null;
        HilSession.RegisterVirtualRigLauncher((target, _) =>
        {
            launched = target;
            return Task.FromResult(new VirtualRigEndpoints("tcp://127.0.0.1:5555", "http://127.0.0.1:8080/stream", rig.Input,
                new Callback(() => stopped = true)));
        });

        await using (var hil = await HilSession.ConnectAsync(Options(rig, o => o with { Target = "sim:console" }), connector, default))
        {
            await hil.Power.ResetAsync();
        }

        Assert.Multiple(() =>
        {
            Assert.That(launched, Is.EqualTo("sim:console"));
            Assert.That(connector.Endpoints!.SerialUri, Is.EqualTo("tcp://127.0.0.1:5555"));
            Assert.That(connector.Endpoints.PowerSwitch, Is.SameAs(rig.Input));
            Assert.That(stopped, Is.True);
        });
    }

    [Test]
    public void Connect_without_a_rig_location_says_what_is_missing()
    {
        var error = Assert.ThrowsAsync<ArgumentException>(() => HilSession.ConnectAsync(new HilOptions { Serial = "auto" }, new RecordingConnector(new FakeRig()), default));

        Assert.That(error!.Message, Does.StartWith("HilOptions needs Serial and Video URIs"));
    }

    [Test]
    public async Task Timeouts_come_from_the_call_then_the_session_then_global_then_built_in()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session(o => o with { Timeouts = new TimeoutSettings { Expect = TimeSpan.FromSeconds(7) } });
        TimeoutSettings.Global = new TimeoutSettings { Expect = TimeSpan.FromSeconds(9), HidReady = TimeSpan.FromSeconds(4) };
        var screen = hil.ScreenService;
        var session = screen.Session;

        Assert.Multiple(() =>
        {
            Assert.That(screen.Resolve(new ExpectOptions { Timeout = TimeSpan.FromSeconds(1) }).Timeout, Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(screen.Resolve(null).Timeout, Is.EqualTo(TimeSpan.FromSeconds(7)));
            Assert.That(session.Timeout(null, t => t.HidReady), Is.EqualTo(TimeSpan.FromSeconds(4)));
            Assert.That(session.Timeout(null, t => t.Verify), Is.EqualTo(TimeSpan.FromSeconds(5)));
        });
        session.TimeoutFactor = 2;
        Assert.Multiple(() =>
        {
            Assert.That(screen.Resolve(null).Timeout, Is.EqualTo(TimeSpan.FromSeconds(14)), "inherited values scale");
            Assert.That(screen.Resolve(new ExpectOptions { Timeout = TimeSpan.FromSeconds(1) }).Timeout, Is.EqualTo(TimeSpan.FromSeconds(1)), "explicit ones do not");
        });
    }

    [Test]
    public async Task Session_expect_defaults_apply_unless_the_call_overrides_them()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session(o => o with { Expect = new ExpectOptions { Consecutive = 3, Threshold = 0.8, Timeout = TimeSpan.FromSeconds(3) } });

        var inherited = hil.ScreenService.Resolve(null);
        var overridden = hil.ScreenService.Resolve(new ExpectOptions { Consecutive = 1 });

        Assert.Multiple(() =>
        {
            Assert.That((inherited.Consecutive, inherited.Threshold, inherited.Timeout), Is.EqualTo((3, (double?)0.8, TimeSpan.FromSeconds(3))));
            Assert.That((overridden.Consecutive, overridden.Threshold), Is.EqualTo((1, (double?)0.8)));
            Assert.That(inherited.Scope, Is.EqualTo(SearchScope.Auto));
            Assert.That(inherited.AfterInputChange, Is.True);
        });
    }

    [Test]
    public async Task Calibration_measures_frames_and_the_caps_lock_round_trip_and_restores_caps_lock()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Video.Interval = TimeSpan.FromMilliseconds(200);

        var calibration = await hil.CalibrateAsync();

        Assert.Multiple(() =>
        {
            Assert.That(calibration.FrameInterval, Is.EqualTo(TimeSpan.FromMilliseconds(200)));
            Assert.That(calibration.InputRoundTrip, Is.EqualTo(TimeSpan.Zero));
            Assert.That(calibration.EstimatedLatency, Is.EqualTo(TimeSpan.FromMilliseconds(400)));
            Assert.That(calibration.TimeoutFactor, Is.EqualTo(400.0 / 140).Within(1e-9));
            Assert.That(hil.TimeoutFactor, Is.EqualTo(calibration.TimeoutFactor));
            Assert.That(rig.Input.Actions.Count(a => a == "press capslock"), Is.EqualTo(2));
            Assert.That(rig.Input.Leds & 0x02, Is.Zero, "Caps Lock restored");
        });
    }

    [Test]
    public async Task A_fast_rig_keeps_the_built_in_timeouts()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Video.Interval = TimeSpan.FromMilliseconds(20);

        var calibration = await hil.CalibrateAsync();

        Assert.That(calibration.TimeoutFactor, Is.EqualTo(1.0));
    }

    [Test]
    public async Task Stalled_capture_is_a_rig_fault_not_an_expectation_failure()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Video.Stalled = true;

        var fault = Assert.ThrowsAsync<RigFaultException>(() =>
            hil.Expect(hil.Screen.Text("login:")).ToBeVisibleAsync(new ExpectOptions { Timeout = TimeSpan.FromSeconds(2) }));

        Assert.Multiple(() =>
        {
            Assert.That(fault!.Message, Is.EqualTo(
                "No frame was captured within 2s (waiting for frames (no input sent yet)). The capture stopped: check the HDMI " +
                "cable and the capture device; 'hil screenshot' shows what the card delivers."));
            Assert.That(fault.Evidence["frames received"], Is.EqualTo("0"));
            Assert.That(rig.Steps.Finished.Single().Status, Is.EqualTo(StepStatus.Broken));
        });
    }

    [Test]
    public async Task A_video_fault_during_a_wait_is_a_rig_fault_with_the_call_log()
    {
        await using var rig = new FakeRig().Needle("x", 10, 10);
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("x"));
        rig.Video.Emit();
        rig.Video.Fault = new VideoException("No signal on HDMI.", isRigFault: true);

        var fault = Assert.ThrowsAsync<RigFaultException>(() => hil.Screen.Needle("x").WaitForAsync());

        Assert.Multiple(() =>
        {
            Assert.That(fault!.Message, Is.EqualTo(
                "Video capture failed during Needle('x').WaitForAsync(): No signal on HDMI. Check the HDMI cable, the target's display and the capture device."));
            Assert.That(fault.Evidence["call log"], Does.Contain("video failed: No signal on HDMI."));
            Assert.That(fault.InnerException, Is.TypeOf<VideoException>());
        });
    }

    [Test]
    public async Task Listener_failures_are_logged_and_never_fail_the_step()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session(o => o with { StepListeners = [new ThrowingListener(), rig.Steps] });

        await hil.Keyboard.PressAsync("enter");

        Assert.Multiple(() =>
        {
            Assert.That(rig.Steps.Finished.Single().Status, Is.EqualTo(StepStatus.Passed));
            Assert.That(rig.Logs.AllText(), Does.Contain("Step listener ThrowingListener failed"));
        });
    }

    [Test]
    public async Task Failed_steps_carry_the_last_frame_and_the_evidence_attachments()
    {
        await using var rig = new FakeRig().Needle("menu", 10, 10);
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("no menu"));

        Assert.ThrowsAsync<ExpectationFailedException>(() =>
            hil.Expect(hil.Screen.Needle("menu")).ToBeVisibleAsync(new ExpectOptions { Timeout = TimeSpan.FromMilliseconds(500) }));

        var finished = rig.Steps.Finished.Single();
        Assert.Multiple(() =>
        {
            Assert.That(finished.Status, Is.EqualTo(StepStatus.Failed));
            Assert.That(finished.FrameSequence, Is.EqualTo(4));
            Assert.That(finished.Attachments.Select(a => a.Name), Is.EqualTo(new[] { "last frame", "match overlay", "needle", "diff", "call log" }));
            Assert.That(rig.Steps.Started.Single().Name, Is.EqualTo("Expect Needle('menu') visible"));
        });
    }

    private static HilOptions Options(FakeRig rig, Func<HilOptions, HilOptions>? change = null)
    {
        var options = new HilOptions { TimeProvider = rig.Clock, LoggerFactory = rig.Logs, StepListeners = [rig.Steps] };
        return change is null ? options : change(options);
    }

    private sealed class RecordingConnector(FakeRig rig) : IRigConnector
    {
        public RigEndpoints? Endpoints { get; private set; }

        public Task<RigParts> ConnectAsync(RigEndpoints endpoints, HilOptions options, CancellationToken cancellationToken)
        {
            Endpoints = endpoints;
            return Task.FromResult(rig.Parts() with { Power = endpoints.PowerSwitch ?? rig.Input });
        }
    }

    private sealed class Callback(Action onDispose) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            onDispose();
            return ValueTask.CompletedTask;
        }
    }
}
