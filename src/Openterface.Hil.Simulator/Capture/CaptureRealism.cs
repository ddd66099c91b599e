namespace Openterface.Hil.Simulator;

/// <summary>How the simulator's virtual capture card treats the target's picture before it reaches the stream.</summary>
public enum CaptureRealism
{
    /// <summary>Pristine frames: the target's own size, JPEG q85 4:2:0, no jitter, no drops (realism: none or HIL_REALISM=none).</summary>
    None,

    /// <summary>What an MS2109 capture chip sends (see <see cref="CaptureModelOptions"/>): the default for every sim:* rig.</summary>
    Ms2109,
}

/// <summary>Reads <see cref="CaptureRealism"/> from settings text and from $HIL_REALISM.</summary>
public static class CaptureRealismSetting
{
    /// <summary>The environment variable that chooses the capture model of every virtual rig.</summary>
    public const string EnvironmentVariable = "HIL_REALISM";

    /// <summary>The capture model of a virtual rig when nothing chooses one: an MS2109 capture, as a real rig gives.</summary>
    public const CaptureRealism Default = CaptureRealism.Ms2109;

    /// <summary>$HIL_REALISM when set, else <see cref="Default"/> (MS2109).</summary>
    public static CaptureRealism FromEnvironment() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? Parse(value, EnvironmentVariable)
            : Default;

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
