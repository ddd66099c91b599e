using Microsoft.Extensions.Logging;
using Openterface.Hil.Device;

namespace Openterface.Hil;

/// <summary>How to reach the rig and how the session behaves. Everything but the rig location has a default.</summary>
public sealed record HilOptions
{
    /// <summary>Serial URI of the Mini-KVM: "auto", "/dev/ttyUSB0", "tcp://host:port".</summary>
    public string? Serial { get; init; }

    /// <summary>Video URI: "auto", "/dev/video0", "http://host:port/stream", "file:///dir".</summary>
    public string? Video { get; init; }

    /// <summary>A virtual rig instead of hardware: "sim:qemu" or "sim:console" (see <see cref="HilSession.RegisterVirtualRigLauncher"/>).</summary>
    public string? Target { get; init; }

    /// <summary>
    /// The target's serial console: a tty ("/dev/ttyUSB1?baud=115200", 115200 8N1 by default), "tcp://host:port"
    /// (ser2net raw) or "sim" (the virtual rig's target UART, also the default on a virtual rig). Null: no console.
    /// </summary>
    public string? Console { get; init; }

    /// <summary>Power switch URI understood by the device layer (relay, smart plug); ignored when <see cref="PowerSwitch"/> is set.</summary>
    public string? Power { get; init; }

    /// <summary>Your own power switch; wins over <see cref="Power"/>.</summary>
    public IPowerSwitch? PowerSwitch { get; init; }

    /// <summary>Folder of needles (PNG + JSON pairs).</summary>
    public string? Needles { get; init; }

    /// <summary>Keyboard layout of the target for typing text: "us", "uk", "de", "fr", "es", "it", "sv", "ja", "dvorak". Null = the device default (us).</summary>
    public string? Layout { get; init; }

    /// <summary>OCR settings (language, tessdata, console fonts); null = the defaults (eng).</summary>
    public Imaging.OcrOptions? Ocr { get; init; }

    /// <summary>
    /// Folder where a failed needle wait saves a candidate needle: the frame plus the needle's JSON with its areas
    /// moved to the best place found (<c>hil needle accept</c> promotes it). Null: no candidates. The NUnit adapter
    /// sets <c>needles-candidates</c> beside the Allure results folder.
    /// </summary>
    public string? CandidateNeedles { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Session defaults; unset values fall back to <see cref="TimeoutSettings.Global"/>.</summary>
    public TimeoutSettings Timeouts { get; init; } = new();

    /// <summary>Session defaults for every expectation (threshold, consecutive matches, scope).</summary>
    public ExpectOptions Expect { get; init; } = new();

    public IReadOnlyList<IStepListener> StepListeners { get; init; } = [];

    /// <summary>Told how every needle wait ended (needle, score, threshold, found, frame size); null: nobody. The farm's history uses it.</summary>
    public INeedleDecisionObserver? NeedleObserver { get; init; }

    /// <summary>Log typed text in clear. Secrets typed with TypeSecretAsync are never logged, whatever this says.</summary>
    public bool SensitiveLogging { get; init; }

    /// <summary>Prove the HID link with a Caps Lock LED round trip before the first keystroke (toggles Caps Lock twice).</summary>
    /// <summary>
    /// Pause after a failed step with the rig alive (prints the serial/video URIs and the failure frame, waits for
    /// Enter). <c>HIL_PAUSE_ON_FAILURE=1</c> does the same; never pauses without a terminal on stdin or with CI=true.
    /// </summary>
    public bool PauseOnFailure { get; init; }

    public bool VerifyHidWithCapsLock { get; init; }

    /// <summary>How long <see cref="PowerControl.CycleAsync"/> keeps the target off.</summary>
    public TimeSpan PowerCycleOffTime { get; init; } = TimeSpan.FromSeconds(5);
}
