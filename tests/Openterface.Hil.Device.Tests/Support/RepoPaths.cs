namespace Openterface.Hil.Device.Tests;

internal static class RepoPaths
{
    internal static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Openterface.Hil.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("Repository root (Openterface.Hil.sln) not found above " + AppContext.BaseDirectory);
        }
    }

    internal static string Sysfs(string tree) => Path.Combine(Root, "fixtures", "sysfs", tree);
}
