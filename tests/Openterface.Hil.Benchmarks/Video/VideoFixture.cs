using Openterface.Hil.Video;

namespace Openterface.Hil.Benchmarks.Video;

/// <summary>The committed 1080p30 MJPEG fixture, split into its JPEGs.</summary>
internal static class VideoFixture
{
    internal const string Name = "testsrc2-1080p30.mjpeg";

    internal static IReadOnlyList<ReadOnlyMemory<byte>> LoadJpegs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "fixtures", "video", Name);
            if (File.Exists(path))
            {
                var bytes = File.ReadAllBytes(path);
                return MjpegFile.Split(bytes).Select(p => new ReadOnlyMemory<byte>(bytes, (int)p.Offset, p.Length)).ToArray();
            }
        }

        throw new FileNotFoundException($"fixtures/video/{Name} not found above '{AppContext.BaseDirectory}'.");
    }
}
