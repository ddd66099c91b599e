namespace Openterface.Hil.Reporting;

/// <summary>What a test runner knows about a test before it runs: names, labels, parameters, links.</summary>
internal sealed record AllureTestDescription(
    string Name,
    string FullName,
    string TestCaseKey,
    IReadOnlyList<AllureLabel> Labels,
    IReadOnlyList<AllureParameter> Parameters,
    IReadOnlyList<AllureLink> Links,
    string? Description = null);
