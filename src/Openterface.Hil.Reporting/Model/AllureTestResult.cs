namespace Openterface.Hil.Reporting;

/// <summary>One `{uuid}-result.json`: a test with its labels, parameters, links, steps and attachments.</summary>
internal sealed class AllureTestResult
{
    public string Uuid { get; set; } = string.Empty;

    public string HistoryId { get; set; } = string.Empty;

    public string TestCaseId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string FullName { get; set; } = string.Empty;

    public string? Description { get; set; }

    public AllureStatus Status { get; set; } = AllureStatus.Unknown;

    public AllureStatusDetails? StatusDetails { get; set; }

    public AllureStage Stage { get; set; } = AllureStage.Running;

    public long Start { get; set; }

    public long Stop { get; set; }

    public List<AllureLabel> Labels { get; init; } = [];

    public List<AllureLink> Links { get; init; } = [];

    public List<AllureParameter> Parameters { get; init; } = [];

    public List<AllureAttachment> Attachments { get; init; } = [];

    public List<AllureStepResult> Steps { get; init; } = [];
}
