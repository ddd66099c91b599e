namespace Openterface.Hil.Simulator;

/// <summary>How the simulator's virtual capture card treats the target's picture before it reaches the stream.</summary>
public enum CaptureRealism
{
    /// <summary>Pristine frames: the target's own size, JPEG q85 4:2:0, no jitter, no drops. The default for now:
    /// with MS2109 realism two QEMU example tests failed in their first run (not yet diagnosed), see the README.</summary>
    None,

    /// <summary>What an MS2109 capture chip sends (see <see cref="CaptureModelOptions"/>): opt in with realism: ms2109 or HIL_REALISM=ms2109.</summary>
    Ms2109,
}

/// <summary>Reads <see cref="CaptureRealism"/> from settings text and from $HIL_REALISM.</summary>
public static class CaptureRealismSetting
{
    /// <summary>The environment variable that chooses the capture model of every virtual rig.</summary>
    public const string EnvironmentVariable = "HIL_REALISM";

    /// <summary>$HIL_REALISM when set, else <see cref="CaptureRealism.None"/>.</summary>
    public static CaptureRealism FromEnvironment() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? Parse(value, EnvironmentVariable)
            : CaptureRealism.None;

    /// <summary>Parses "none" or "ms2109" (any case); <paramref name="source"/> names where the text came from.</summary>
    public static CaptureRealism Parse(string value, string source = "realism")
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Trim().ToLowerInvariant() switch
        {
            "none" => CaptureRealism.None,
            "ms2109" => CaptureRealism.Ms2109,
            _ => throw new ArgumentException(
                $"Capture realism '{value}' (from {source}) is not known. Use 'none' (pristine frames) or 'ms2109' (an MS2109 capture).",
                nameof(value)),
        };
    }
}
