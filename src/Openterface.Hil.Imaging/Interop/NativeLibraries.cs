using System.Reflection;
using System.Runtime.InteropServices;

namespace Openterface.Hil.Imaging.Interop;

/// <summary>
/// Finds libhilcv next to the assemblies (where the build copies it) or in native/build of a source checkout,
/// and turns a missing library into a <see cref="NativeLibraryMissingException"/> that names ci/setup.
/// </summary>
internal static class NativeLibraries
{
    internal const string Remedy =
        "Run 'ci/setup' from the repository root: it installs Debian's OpenCV and builds native/hilcv.";

    private static int _installed;

    internal static void EnsureResolver()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(NativeLibraries).Assembly, Resolve);
        }
    }

    /// <summary>Loads libhilcv now and reports a clear error if it cannot be loaded.</summary>
    internal static void EnsureHilCv()
    {
        try
        {
            _ = HilCvNative.AbiVersion();
        }
        catch (DllNotFoundException e)
        {
            throw new NativeLibraryMissingException("libhilcv.so", Remedy, e);
        }
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != HilCvNative.Library)
        {
            return 0;
        }

        foreach (var candidate in Candidates())
        {
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }

        return NativeLibrary.TryLoad("libhilcv.so", assembly, searchPath, out var fallback) ? fallback : 0;
    }

    private static IEnumerable<string> Candidates()
    {
        yield return Path.Combine(AppContext.BaseDirectory, "libhilcv.so");
        var overridden = Environment.GetEnvironmentVariable("HIL_NATIVE_DIR");
        if (!string.IsNullOrEmpty(overridden))
        {
            yield return Path.Combine(overridden, "libhilcv.so");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            yield return Path.Combine(dir.FullName, "native", "build", "libhilcv.so");
        }
    }
}
