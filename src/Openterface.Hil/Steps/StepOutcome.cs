using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>How a step ended, with the frame it ended on and any evidence (match overlay, diff, call log).</summary>
public sealed record StepOutcome(
    StepStatus Status,
    DateTimeOffset FinishedAt,
    Exception? Error,
    Frame? Frame,
    IReadOnlyList<StepAttachment> Attachments)
{
    /// <summary>
    /// Set when the step passed on a needle carrying openQA's "workaround" property (which needle, in words); a
    /// report can show the step as a known issue.
    /// </summary>
    public string? KnownIssue { get; init; }
}

/// <summary>Passed; Failed = the product did not show what was expected; Broken = the rig is at fault.</summary>
public enum StepStatus
{
    Passed,
    Failed,
    Broken,
}

/// <summary>Evidence attached to a step: bytes with a media type ("image/png", "text/plain", "video/mp4").</summary>
public sealed record StepAttachment(string Name, string MediaType, string FileExtension, ReadOnlyMemory<byte> Content);
