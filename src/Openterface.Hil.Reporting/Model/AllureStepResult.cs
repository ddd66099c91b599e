namespace Openterface.Hil.Reporting;

/// <summary>A step inside a test or fixture: its own status, timings, parameters, attachments and sub-steps.</summary>
internal sealed class AllureStepResult
{
    public string Name { get; set; } = string.Empty;

    public AllureStatus Status { get; set; } = AllureStatus.Unknown;

    public AllureStatusDetails? StatusDetails { get; set; }

    public AllureStage Stage { get; set; } = AllureStage.Running;

    public long Start { get; set; }

    public long Stop { get; set; }

    public List<AllureParameter> Parameters { get; init; } = [];

    public List<AllureAttachment> Attachments { get; init; } = [];

    public List<AllureStepResult> Steps { get; init; } = [];
}
