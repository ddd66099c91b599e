using NUnit.Framework;

namespace Openterface.Hil.NUnit;

/// <summary>
/// Where the rig is and how tests should use it, merged from (highest first) `.runsettings` TestRunParameters,
/// environment variables, `hil.json` (searched from the test assembly's folder up to the repository root) and
/// defaults. <see cref="Tried"/> records every place consulted, for error messages.
/// </summary>
public sealed class HilSettings
{
    /// <summary>Serial URI of the Mini-KVM: `auto`, `/dev/ttyUSB0`, `tcp://host:port`.</summary>
    public string? Serial { get; init; }

    /// <summary>Video URI: `auto`, `/dev/video0`, `http://host:port/stream`, `qmp:///path`, `file:///dir`.</summary>
    public string? Video { get; init; }

    /// <summary>Virtual target (`sim:qemu`, `sim:console`) instead of a real rig.</summary>
    public string? Target { get; init; }

    /// <summary>Power switch URI, when the rig has one.</summary>
    public string? Power { get; init; }

    /// <summary>The target's serial console: `/dev/ttyUSB1?baud=115200`, `tcp://host:port`, `sim` (the simulator's UART, the default there).</summary>
    public string? Console { get; init; }

    /// <summary>Folder holding needles (reference images), absolute.</summary>
    public string Needles { get; init; } = "needles";

    /// <summary>Keyboard layout of the target: us, uk, de, fr, es, it, sv, ja, dvorak.</summary>
    public string Layout { get; init; } = "us";

    public HilTimeouts Timeouts { get; init; } = new();

    /// <summary>The simulator's capture model: "ms2109" (default) or "none" (hil.json "realism", HIL_REALISM).</summary>
    public string? Realism { get; init; }

    /// <summary>Tesseract language(s) for screen text, e.g. "eng+deu" (hil.json "ocr": { "lang" }, HIL_OCR_LANG); null = eng.</summary>
    public string? OcrLanguage { get; init; }

    /// <summary>Allure results folder, absolute.</summary>
    public string ResultsDirectory { get; init; } = "reports/allure-results";

    /// <summary>Folder of the device pool's lock and lease files, shared by this user's runners on this host (per user, 0700).</summary>
    public string LeaseDirectory { get; init; } = PrivateFolders.InUserCache("leases");

    /// <summary>Rigs of the device pool; when empty and <see cref="Serial"/> is set, that one rig.</summary>
    public IReadOnlyList<RigSettings> Rigs { get; init; } = [];

    /// <summary>
    /// The rig pool: null for the single-host file pool (the default), or a farm <c>postgres://user@host/db</c>
    /// (hil.json "pool", HIL_POOL, .runsettings HilPool), which needs the Openterface.Hil.Farm package.
    /// </summary>
    public string? Pool { get; init; }

    /// <summary>Tags every leased farm rig must carry (hil.json "rig": { "tags" }, HIL_RIG_TAGS comma-separated); [RequiresDevice("board=rpi4")] adds more.</summary>
    public IReadOnlyList<string> RigTags { get; init; } = [];

    /// <summary>How long a farm lease lasts without its heartbeat (hil.json "rig": { "ttl" }, HIL_LEASE_TTL seconds); null: 60 s.</summary>
    public TimeSpan? LeaseTtl { get; init; }

    /// <summary>True when <see cref="Pool"/> is a farm (postgres:// or postgresql://).</summary>
    public bool UsesFarm => PoolUris.IsFarm(Pool);

    /// <summary>The hil.json that was used, if any.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Every place consulted, e.g. "environment HIL_SERIAL (absent)".</summary>
    public IReadOnlyList<string> Tried { get; init; } = [];

    /// <summary>True when <see cref="Target"/> names a simulator.</summary>
    public bool UsesSimulator => Target?.StartsWith("sim:", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>True when a simulator or at least one real rig is configured.</summary>
    public bool IsConfigured => UsesSimulator || UsesFarm || PoolRigs.Count > 0;

    /// <summary>The rigs the pool leases: <see cref="Rigs"/>, or the single rig described by Serial/Video/Power.</summary>
    public IReadOnlyList<RigSettings> PoolRigs =>
        Rigs.Count > 0 ? Rigs
        : Serial is { Length: > 0 } serial ? [new RigSettings("default", serial, Video, Power)]
        : [];

    /// <summary>Loads settings for the running NUnit test assembly.</summary>
    public static HilSettings Load()
    {
        var parameters = TestContext.Parameters;
        return HilSettingsLoader.Load(
            name => parameters.Exists(name) ? parameters.Get(name) : null,
            Environment.GetEnvironmentVariable,
            TestContext.CurrentContext.TestDirectory);
    }

    /// <summary>Throws, listing every place tried, when neither a simulator nor a rig is configured.</summary>
    public void EnsureConfigured()
    {
        if (!IsConfigured)
        {
            throw new HilException(
                $"No Mini-KVM configured. Tried: {string.Join(", ", Tried)}. Set HIL_TARGET=sim:console to use the simulator, HIL_SERIAL and HIL_VIDEO for a real rig, or HIL_POOL=postgres://... for a farm.");
        }
    }
}
