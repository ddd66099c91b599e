namespace Openterface.Hil.Simulator;

/// <summary>Looks a program up on PATH (and the Debian sbin folders PATH may lack for a normal user).</summary>
internal static class ProgramPath
{
    internal static string? Find(string program)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin"]);
        return folders.Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);
    }

    internal static bool Exists(string program) => Find(program) is not null;
}
