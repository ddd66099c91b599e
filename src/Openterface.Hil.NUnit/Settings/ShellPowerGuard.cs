namespace Openterface.Hil.NUnit;

/// <summary>
/// A <c>shell:</c> power command runs a program on this machine, so it is taken only from a hil.json that really lies
/// inside the search scope (the test project's folder up to its repository root or the user's home). A hil.json
/// that is a link to a file elsewhere (another user's /tmp, a mounted share) may not run commands here.
/// </summary>
internal static class ShellPowerGuard
{
    internal static void Check(HilJsonFile file, FileSearchScope scope)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(scope);
        var shell = new[] { file.Power }.Concat(file.Rigs?.Select(r => r.Power) ?? [])
            .FirstOrDefault(p => p is not null && p.StartsWith("shell:", StringComparison.OrdinalIgnoreCase));
        if (shell is null)
        {
            return;
        }

        var real = RealPath(file.Path);
        var boundary = RealPath(scope.Boundary);
        var inside = scope.Contains(real) || real == boundary || real.StartsWith(boundary + "/", StringComparison.Ordinal);
        if (!inside)
        {
            throw new SetupException(
                $"Refusing the power command '{shell}' from '{real}': a 'shell:' command is only taken from a hil.json " +
                $"inside '{scope.Boundary}' (the test project's folder up to its repository root or your home). " +
                "Copy the file into your test repository, or set HIL_POWER for this run.");
        }
    }

    /// <summary>The path with every symbolic link along it resolved (what realpath(3) returns for an existing file).</summary>
    internal static string RealPath(string path)
    {
        var current = "/";
        var parts = new Queue<string>(Path.GetFullPath(path).Split('/', StringSplitOptions.RemoveEmptyEntries));
        for (var hops = 0; parts.Count > 0;)
        {
            var next = Path.Combine(current, parts.Dequeue());
            var info = new FileInfo(next);
            if (info.LinkTarget is { } link && hops++ < 40)
            {
                var rest = parts.ToArray();
                var target = Path.GetFullPath(link, current);
                parts = new Queue<string>(target.Split('/', StringSplitOptions.RemoveEmptyEntries).Concat(rest));
                current = "/";
                continue;
            }

            current = next;
        }

        return current;
    }
}
