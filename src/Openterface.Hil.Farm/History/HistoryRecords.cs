namespace Openterface.Hil.Farm;

/// <summary>One test run on the farm: which test, on which rig, by which runner, and how it ended.</summary>
public sealed record TestRunRecord(
    string Test,
    string? Rig,
    string Runner,
    string Host,
    string Outcome,
    TimeSpan Duration,
    DateTimeOffset StartedAt,
    string? AllureUuid);

/// <summary>One needle decision that ended a wait: the best score seen against the threshold, found or not.</summary>
public sealed record NeedleDecisionRecord(
    string Needle,
    double Score,
    double Threshold,
    bool Found,
    int FrameWidth,
    int FrameHeight,
    string? Rig,
    string? Test,
    DateTimeOffset? DecidedAt = null);
