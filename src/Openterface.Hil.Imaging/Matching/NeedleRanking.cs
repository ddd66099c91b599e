namespace Openterface.Hil.Imaging;

/// <summary>
/// openQA's order among several needles' decisions (os-autoinst tinycv): found first; then the smaller error
/// (mean of (1 - similarity)^2 over areas); then a needle with the "workaround" property; then the name.
/// </summary>
internal static class NeedleRanking
{
    internal static int Compare(MatchResult a, MatchResult b)
    {
        if (a.Found != b.Found)
        {
            return a.Found ? -1 : 1;
        }

        var error = a.Error.CompareTo(b.Error);
        if (error != 0)
        {
            return error;
        }

        if (a.Workaround != b.Workaround)
        {
            return a.Workaround ? -1 : 1;
        }

        return string.CompareOrdinal(a.NeedleName, b.NeedleName);
    }
}
