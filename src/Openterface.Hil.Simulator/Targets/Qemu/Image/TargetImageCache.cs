namespace Openterface.Hil.Simulator;

/// <summary>
/// Builds the QEMU target image from <see cref="TargetRecipe"/> into the user's cache
/// (<c>$XDG_CACHE_HOME/openterface-hil/targets/qemu/RECIPE-HASH/hil-target.iso</c>) the first time it is needed, once:
/// the build holds an exclusive lock on <c>RECIPE-HASH.lock</c>, so test processes starting together wait for the
/// first one's build instead of building again (the lock dies with its process, so a killed build is redone).
/// </summary>
internal sealed class TargetImageCache
{
    internal delegate Task Builder(string script, string outputFolder, string kernelCache, Action<string> progress, CancellationToken cancellationToken);

    private static readonly TimeSpan LockPoll = TimeSpan.FromMilliseconds(250);
    private readonly TargetRecipe _recipe;
    private readonly Builder _build;
    private readonly TimeProvider _time;
    private readonly Action<string> _progress;

    internal TargetImageCache(string root, TargetRecipe recipe, Builder build, TimeProvider time, Action<string> progress)
    {
        Root = root;
        _recipe = recipe;
        _build = build;
        _time = time;
        _progress = progress;
    }

    /// <summary>Where progress lines go; the NUnit layer points it at TestContext.Progress, the CLI at stderr.</summary>
    public static Action<string> Progress { get; set; } = line => Console.Error.WriteLine(line);

    public static TargetImageCache Default =>
        new(DefaultRoot(Environment.GetEnvironmentVariable), TargetRecipe.Embedded, TargetImageBuilder.RunAsync, TimeProvider.System, line => Progress(line));

    /// <summary>The cache root: $XDG_CACHE_HOME/openterface-hil, else ~/.cache/openterface-hil.</summary>
    public string Root { get; }

    public string Folder => Path.Combine(Root, "targets", "qemu", _recipe.Hash);

    public string ImagePath => Path.Combine(Folder, "hil-target.iso");

    internal static string DefaultRoot(Func<string, string?> environment)
    {
        var xdg = environment("XDG_CACHE_HOME");
        var cache = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cache, "openterface-hil");
    }

    /// <summary>The image path, building it first (under the lock) when this recipe has not been built yet.</summary>
    public async Task<string> EnsureAsync(CancellationToken cancellationToken = default)
    {
        if (File.Exists(ImagePath))
        {
            return ImagePath;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Folder)!);
        using var held = await AcquireAsync(Folder + ".lock", cancellationToken).ConfigureAwait(false);
        if (File.Exists(ImagePath))
        {
            _progress($"hil: QEMU target image ready (built by another process): {ImagePath}");
            return ImagePath;
        }

        var started = _time.GetTimestamp();
        _progress($"hil: building the QEMU target image from the recipe in Openterface.Hil.Simulator (first use, 1-3 minutes) into {Folder}");
        var partial = Folder + ".partial";
        var recipeFolder = Folder + ".recipe";
        DeleteIfPresent(partial);
        DeleteIfPresent(recipeFolder);
        try
        {
            var script = _recipe.ExtractTo(recipeFolder);
            await _build(script, partial, Path.Combine(Root, "targets", "kernel"), _progress, cancellationToken).ConfigureAwait(false);
            if (!File.Exists(Path.Combine(partial, "hil-target.iso")))
            {
                throw new SetupException($"Building the QEMU target image left no hil-target.iso in '{partial}'. Run 'dotnet hil sim prepare' to see the build's output.");
            }

            Directory.Move(partial, Folder);
        }
        finally
        {
            DeleteIfPresent(recipeFolder);
            DeleteIfPresent(partial);
        }

        _progress($"hil: QEMU target image ready in {_time.GetElapsedTime(started).TotalSeconds:F0} s: {ImagePath}");
        return ImagePath;
    }

    private async Task<FileStream> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        var announced = false;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock(2) on Linux: held until disposed or the process dies.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (!cancellationToken.IsCancellationRequested)
            {
                if (!announced)
                {
                    announced = true;
                    _progress($"hil: another process is building the QEMU target image; waiting for it ({path})");
                }

                await Task.Delay(LockPoll, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static void DeleteIfPresent(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
