using System.Text.RegularExpressions;

namespace Openterface.Hil;

/// <summary>
/// Text on the target's serial console: <c>Console.Text("hil-target login:")</c> or <c>Console.Text(new Regex(...))</c>.
/// A plain string matches literally, except that each run of whitespace in it matches any whitespace, line breaks
/// included, so a phrase the target broke over two lines still matches. Use with <c>Expect(...)</c> or
/// <see cref="TargetConsole.WaitForAsync"/>.
/// </summary>
public sealed class ConsoleLocator
{
    private static readonly Regex Whitespace = new(@"\s+", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private readonly string _description;

    internal ConsoleLocator(TargetConsole console, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        Console = console;
        Pattern = new Regex(
            string.Join(@"\s+", Whitespace.Split(text.Trim()).Select(Regex.Escape)),
            RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(5));
        _description = $"console text '{text}'";
    }

    internal ConsoleLocator(TargetConsole console, Regex pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Console = console;
        Pattern = pattern;
        _description = $"console text /{pattern}/";
    }

    internal TargetConsole Console { get; }

    internal Regex Pattern { get; }

    public override string ToString() => _description;
}
