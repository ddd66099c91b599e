namespace Openterface.Hil.Reporting;

/// <summary>One `{uuid}-container.json`: set-up (befores) and tear-down (afters) fixtures around its children.</summary>
internal sealed class AllureContainer
{
    public string Uuid { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public List<string> Children { get; init; } = [];

    public List<AllureFixtureResult> Befores { get; init; } = [];

    public List<AllureFixtureResult> Afters { get; init; } = [];

    public long Start { get; set; }

    public long Stop { get; set; }
}

/// <summary>A set-up or tear-down fixture: shaped like a step.</summary>
internal sealed class AllureFixtureResult
{
    public string Name { get; set; } = string.Empty;

    public AllureStatus Status { get; set; } = AllureStatus.Unknown;

    public AllureStatusDetails? StatusDetails { get; set; }

    public AllureStage Stage { get; set; } = AllureStage.Finished;

    public long Start { get; set; }

    public long Stop { get; set; }

    public List<AllureParameter> Parameters { get; init; } = [];

    public List<AllureAttachment> Attachments { get; init; } = [];

    public List<AllureStepResult> Steps { get; init; } = [];
}
