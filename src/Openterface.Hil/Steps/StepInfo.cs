namespace Openterface.Hil;

/// <summary>
/// A step as it starts: "Press 'ctrl+alt+delete'", "Wait for needle 'grub-menu'". Parameters are already
/// redacted (a typed secret appears as "***"), so listeners can write them anywhere.
/// </summary>
public sealed record StepInfo(
    long Id,
    long? ParentId,
    string Name,
    StepKind Kind,
    IReadOnlyDictionary<string, string> Parameters,
    DateTimeOffset StartedAt);

public enum StepKind
{
    Action,
    Wait,
    Read,
    Group,
}
