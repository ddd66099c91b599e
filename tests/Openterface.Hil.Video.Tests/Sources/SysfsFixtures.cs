namespace Openterface.Hil.Video.Tests;

/// <summary>The recorded sysfs trees in fixtures/sysfs (built by fixtures/sysfs/generate.py).</summary>
internal static class SysfsFixtures
{
    internal static string Tree(string name) => RepoFixtures.Path("sysfs", name);
}
