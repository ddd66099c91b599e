namespace Openterface.Hil;

/// <summary>Where a console wait found its text: the matched text (secrets masked), when its line arrived, and the barrier just past it.</summary>
public sealed record ConsoleMatch(string Text, DateTimeOffset LineTime, ConsoleBarrier End);
