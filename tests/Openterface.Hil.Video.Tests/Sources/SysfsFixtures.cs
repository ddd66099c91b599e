namespace Openterface.Hil.Video.Tests;

/// <summary>The recorded sysfs trees in fixtures/sysfs (built by fixtures/sysfs/generate.py).</summary>
internal static class SysfsFixtures
{
    internal static string Tree(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Openterface.Hil.sln")))
            {
                return Path.Combine(dir.FullName, "fixtures", "sysfs", name);
            }
        }

        throw new DirectoryNotFoundException("Repository root (Openterface.Hil.sln) not found above " + AppContext.BaseDirectory);
    }
}
