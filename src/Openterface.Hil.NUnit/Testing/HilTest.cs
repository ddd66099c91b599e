using NUnit.Framework;
using NUnit.Framework.Interfaces;
using Openterface.Hil.Imaging;
using Openterface.Hil.Simulator;

namespace Openterface.Hil.NUnit;

/// <summary>
/// Base class for NUnit tests that drive a target through a Mini-KVM (or the simulator). Each test gets a fresh
/// <see cref="Session"/> from <see cref="HilSettings"/> (.runsettings, HIL_* environment, hil.json); when the test
/// fails, the screenshot, the last seconds of video, the serial transcript and the call log are attached to its
/// Allure result, and every key is released whatever happens.
/// </summary>
public abstract class HilTest
{
    private HilSession? _session;
    private VirtualRig? _simulator;
    private IRigLease? _lease;
    private RunHistoryRecorder? _history;

    /// <summary>The operator session of the running test.</summary>
    protected HilSession Session => _session ?? throw new InvalidOperationException("The session exists only while a test runs (after [SetUp]).");

    protected Screen Screen => Session.Screen;

    protected Keyboard Keyboard => Session.Keyboard;

    protected Mouse Mouse => Session.Mouse;

    protected UsbControl Usb => Session.Usb;

    protected PowerControl Power => Session.Power;

    /// <summary>The settings this test runs with.</summary>
    protected HilSettings Settings { get; private set; } = null!;

    /// <summary>The in-process simulator when the target is "sim:console" or "sim:qemu" (fault knobs, host-side USB disk); null on a real rig.</summary>
    protected VirtualRig? Simulator => _simulator;

    protected LocatorAssertions Expect(Locator locator) => Session.Expect(locator);

    protected ScreenAssertions Expect(Screen screen) => Session.Expect(screen);

    protected ConsoleAssertions Expect(ConsoleLocator locator) => Session.Expect(locator);

    /// <summary>Override to adjust the session options (timeouts, layout, extra step listeners).</summary>
    protected virtual HilOptions ConfigureOptions(HilOptions options) => options;

    /// <summary>Override to start the simulator differently (e.g. a cold boot of the QEMU target).</summary>
    protected virtual VirtualRigOptions ConfigureSimulator(VirtualRigOptions options) => options;

    [SetUp]
    public async Task HilSetUpAsync()
    {
        // A missing libhilcv/OpenCV is a setup error named here, not a stalled video feed reported as a rig fault later.
        Imaging.Interop.NativeLibraries.EnsureHilCv();
        TargetImageCache.Progress = TestContext.Progress.WriteLine;
        // NUnit does not run [TearDown] when [SetUp] throws: release what was acquired here.
        try
        {
            await SetUpCoreAsync(TestContext.CurrentContext.CancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await ReleaseAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task SetUpCoreAsync(CancellationToken cancellationToken)
    {
        Settings = HilSettings.Load();
        Settings.EnsureConfigured();
        var listeners = HilAllure.CurrentListener is { } listener ? new[] { listener } : [];
        var options = new HilOptions
        {
            Needles = ResolveNeedles(Settings.Needles),
            Layout = Settings.Layout,
            StepListeners = listeners,
            CandidateNeedles = HilAllure.CandidateNeedlesDirectory,
            Timeouts = new TimeoutSettings { Expect = Settings.Timeouts.Expect },
            Ocr = Settings.OcrLanguage is { } language ? new OcrOptions { Language = language } : null,
        };

        if (Settings.UsesSimulator)
        {
            _simulator = await VirtualRig.StartAsync(
                ConfigureSimulator(new VirtualRigOptions { Target = SimulatorTarget(), Realism = SimulatorRealism() }), cancellationToken).ConfigureAwait(false);
            var endpoints = SimulatorLauncher.Describe(_simulator, ownsRig: false);
            options = options with
            {
                Serial = endpoints.SerialUri,
                Video = endpoints.VideoUri,
                PowerSwitch = endpoints.PowerSwitch,
                Console = Settings.Console is null or "sim" ? endpoints.ConsoleUri : Settings.Console,
            };
            HilAllure.SetEnvironment("Target", "sim:" + _simulator.Target.Name);
        }
        else
        {
            var pool = RigPools.Open(Settings);
            var test = TestContext.CurrentContext.Test.FullName;
            var startedAt = TimeProvider.System.GetUtcNow();
            var started = TimeProvider.System.GetTimestamp();
            _lease = await pool.LeaseAsync(new RigRequest(test, RequestedTags(), Settings.Timeouts.LeaseWait, Settings.LeaseTtl), cancellationToken).ConfigureAwait(false);
            var rig = _lease.Rig;
            options = options with { Serial = rig.Serial, Video = rig.Video ?? Settings.Video, Power = rig.Power ?? Settings.Power, Console = rig.Console ?? Settings.Console };
            if (pool.History is { } history)
            {
                _history = new RunHistoryRecorder(history, test, startedAt, started);
                options = options with { NeedleObserver = _history };
            }

            HilAllure.SetEnvironment("Rig", rig.Name);
        }

        _session = await HilSession.ConnectAsync(ConfigureOptions(options), cancellationToken).ConfigureAwait(false);
    }

    [TearDown]
    public async Task HilTearDownAsync()
    {
        await TeardownSteps.RunAllAsync(
            ("attach the console transcript", () =>
            {
                if (_session is { } withConsole)
                {
                    ConsoleEvidence.Attach(withConsole);
                }

                return ValueTask.CompletedTask;
            }),
            ("attach failure evidence", async () =>
            {
                if (_session is { } session && TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed)
                {
                    await FailureEvidence.AttachAsync(session).ConfigureAwait(false);
                }
            }),
            ("check the rig lease", () => _lease is { } lease ? new ValueTask(lease.EnsureHeldAsync(CancellationToken.None)) : ValueTask.CompletedTask),
            ("record the run in the farm's history", RecordHistoryAsync),
            ("release the rig", ReleaseAsync)).ConfigureAwait(false);
    }

    private ValueTask RecordHistoryAsync()
    {
        if (_history is not { } history)
        {
            return ValueTask.CompletedTask;
        }

        var result = TestContext.CurrentContext.Result;
        var outcome = _lease?.LostReason is not null ? "broken"
            : NUnitOutcome.Map(result.Outcome, result.Message, result.StackTrace).Status.ToString().ToLowerInvariant();
        return history.RecordAsync(_lease?.Rig.Name, outcome);
    }

    /// <summary>Tags of [RequiresDevice(...)] on the test method and its fixture, with hil.json "rig": { "tags" }.</summary>
    private List<string> RequestedTags()
    {
        var method = TestContext.CurrentContext.Test.MethodName;
        var attributes = GetType().GetCustomAttributes(typeof(RequiresDeviceAttribute), inherit: true).OfType<RequiresDeviceAttribute>()
            .Concat(GetType().GetMethods().Where(m => m.Name == method)
                .SelectMany(m => m.GetCustomAttributes(typeof(RequiresDeviceAttribute), inherit: true).OfType<RequiresDeviceAttribute>()));
        return [.. Settings.RigTags.Concat(attributes.SelectMany(a => a.Tags)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Disposes the session, the simulator and the lease, each on its own; the lease is always released.</summary>
    private async ValueTask ReleaseAsync()
    {
        var (session, simulator, lease) = (_session, _simulator, _lease);
        (_session, _simulator, _lease, _history) = (null, null, null, null);
        await TeardownSteps.RunAllAsync(
            ("dispose the session", () => session?.DisposeAsync() ?? ValueTask.CompletedTask),
            ("stop the simulator", () => simulator?.DisposeAsync() ?? ValueTask.CompletedTask),
            ("release the lease", () => lease?.DisposeAsync() ?? ValueTask.CompletedTask)).ConfigureAwait(false);
    }

    private string SimulatorTarget() =>
        VirtualRig.ParseTarget(GetType().GetCustomAttributes(typeof(SimulatorTargetAttribute), inherit: true)
            .OfType<SimulatorTargetAttribute>().FirstOrDefault()?.Target ?? Settings.Target!);

    private CaptureRealism SimulatorRealism() =>
        Settings.Realism is { } realism ? CaptureRealismSetting.Parse(realism, "hil.json 'realism' / HIL_REALISM") : CaptureRealismSetting.FromEnvironment();

    private static string? ResolveNeedles(string folder)
    {
        if (Path.IsPathRooted(folder))
        {
            return Directory.Exists(folder) ? folder : null;
        }

        var candidate = Path.Combine(TestContext.CurrentContext.TestDirectory, folder);
        return Directory.Exists(candidate) ? candidate : null;
    }
}
