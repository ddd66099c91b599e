namespace Openterface.Hil.Imaging;

/// <summary>The parsed contents of a needle's JSON file (before its image is read).</summary>
internal sealed record NeedleDefinition(
    IReadOnlyList<string> Tags,
    IReadOnlyList<NeedleArea> Areas,
    IReadOnlyList<string> Properties,
    int? Margin,
    double? ColourTolerance,
    int? Consecutive)
{
    /// <summary>Each area's 1-based position in the JSON "area" list (areas with errors are left out of <see cref="Areas"/>).</summary>
    public IReadOnlyList<int> AreaNumbers { get; init; } = [];

    /// <summary>Keys read but not used for the decision, one sentence each (shown by `hil match` and `hil needle check`).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
