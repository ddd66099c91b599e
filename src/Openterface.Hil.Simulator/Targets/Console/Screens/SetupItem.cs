namespace Openterface.Hil.Simulator;

/// <summary>
/// One line of a setup page: a label, a value ("" for none), help text, and what Enter/+/- do. Items with neither
/// <see cref="Change"/> nor <see cref="Activate"/> are information only and the highlight skips them.
/// </summary>
internal sealed record SetupItem(string Label, Func<string> Value, string Help, Action<int>? Change = null, Action? Activate = null)
{
    public bool Selectable => Change is not null || Activate is not null;

    public static SetupItem Info(string label, string value, string help) => new(label, () => value, help);
}

/// <summary>A setup tab: its title and items.</summary>
internal sealed record SetupPage(string Title, IReadOnlyList<SetupItem> Items);
