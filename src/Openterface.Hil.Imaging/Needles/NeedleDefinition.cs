namespace Openterface.Hil.Imaging;

/// <summary>The parsed contents of a needle's JSON file (before its image is read).</summary>
internal sealed record NeedleDefinition(
    IReadOnlyList<string> Tags,
    IReadOnlyList<NeedleArea> Areas,
    IReadOnlyList<string> Properties,
    int? Margin,
    double? ColourTolerance,
    int? Consecutive);
