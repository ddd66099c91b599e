namespace Openterface.Hil;

/// <summary>
/// A point in the console's output (a position in its cleaned text). Every action stamps one as it starts;
/// <see cref="TargetConsole.Mark"/> takes one now; <see cref="TargetConsole.OutputSince"/> reads what came after it.
/// </summary>
public readonly record struct ConsoleBarrier(int Position)
{
    /// <summary>The start of the session: all output.</summary>
    public static ConsoleBarrier Start => default;
}
