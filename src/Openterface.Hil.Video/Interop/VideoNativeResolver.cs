using System.Reflection;
using System.Runtime.InteropServices;
using Openterface.Hil.Imaging.Interop;

namespace Openterface.Hil.Video.Interop;

/// <summary>
/// Resolves libhilcv for this assembly's imports: Imaging loads it first (with its clear "run ci/setup" error),
/// then the same file is handed to this assembly.
/// </summary>
internal static class VideoNativeResolver
{
    private static int _installed;

    internal static void Ensure()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(VideoNativeResolver).Assembly, Resolve);
        }
    }

    /// <summary>Loads libhilcv (through Imaging) and reports a clear error if it cannot be loaded.</summary>
    internal static void EnsureLoaded() => NativeLibraries.EnsureHilCv();

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != VideoNative.Library)
        {
            return 0;
        }

        var candidates = new List<string> { Path.Combine(AppContext.BaseDirectory, "libhilcv.so") };
        var overridden = Environment.GetEnvironmentVariable("HIL_NATIVE_DIR");
        if (!string.IsNullOrEmpty(overridden))
        {
            candidates.Add(Path.Combine(overridden, "libhilcv.so"));
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, "native", "build", "libhilcv.so"));
        }

        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }

        return NativeLibrary.TryLoad("libhilcv.so", assembly, searchPath, out var fallback) ? fallback : 0;
    }
}
