namespace Openterface.Hil.Video.Tests;

/// <summary>Files under fixtures/ in the source checkout (they live in the repository, not in the build output).</summary>
internal static class RepoFixtures
{
    /// <summary>The 1080p30 MJPEG fixture (fixtures/video/README.md): 30 JPEGs, 1 s at 30 fps.</summary>
    internal const string Video1080p30 = "testsrc2-1080p30.mjpeg";

    internal static string Path(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Openterface.Hil.sln")))
            {
                return System.IO.Path.Combine([dir.FullName, "fixtures", .. parts]);
            }
        }

        throw new DirectoryNotFoundException("Repository root (Openterface.Hil.sln) not found above " + AppContext.BaseDirectory);
    }

    /// <summary>An MJPEG file under fixtures/video split into its JPEGs.</summary>
    internal static IReadOnlyList<ReadOnlyMemory<byte>> VideoJpegs(string name)
    {
        var bytes = File.ReadAllBytes(Path("video", name));
        return MjpegFile.Split(bytes).Select(p => new ReadOnlyMemory<byte>(bytes, (int)p.Offset, p.Length)).ToArray();
    }
}
