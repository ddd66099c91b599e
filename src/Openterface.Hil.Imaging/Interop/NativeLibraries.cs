using System.Reflection;
using System.Runtime.InteropServices;

namespace Openterface.Hil.Imaging.Interop;

/// <summary>
/// Finds libhilcv next to the assemblies (a source build copies it there), under runtimes/linux-ARCH/native (the
/// NuGet package), in HIL_NATIVE_DIR or in native/build of a source checkout, and turns a missing library into a
/// <see cref="NativeLibraryMissingException"/> (a setup error) that says what to install.
/// </summary>
internal static class NativeLibraries
{
    internal const string FileName = "libhilcv.so";
    private static int _installed;

    internal static void EnsureResolver()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(NativeLibraries).Assembly, Resolve);
        }
    }

    /// <summary>Loads libhilcv now and reports a clear setup error if it cannot be loaded.</summary>
    internal static void EnsureHilCv()
    {
        try
        {
            _ = HilCvNative.AbiVersion();
        }
        catch (DllNotFoundException e)
        {
            throw new NativeLibraryMissingException(FileName, Remedy(e.Message), e);
        }
    }

    /// <summary>The remedy: the library file is absent (packaging), or present but OpenCV is not installed.</summary>
    internal static string Remedy(string loaderMessage)
    {
        var found = Candidates().FirstOrDefault(File.Exists);
        if (found is null)
        {
            return $"No '{FileName}' next to '{AppContext.BaseDirectory}' nor under 'runtimes/{RuntimeFolder}/native/'. " +
                "Reference the Openterface.Hil.NUnit (or .Imaging) package, which ships it for linux-x64 and linux-arm64, " +
                "and build again; in a source checkout run 'ci/setup'.";
        }

        return $"'{found}' is there but did not load ('{loaderMessage.Trim()}'): Debian's OpenCV 4.6 is missing. " +
            SetupRemedies.Install(SetupRemedies.OpenCv);
    }

    internal static string RuntimeFolder => RuntimeInformation.OSArchitecture switch
    {
        Architecture.Arm64 => "linux-arm64",
        _ => "linux-x64",
    };

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

        return NativeLibrary.TryLoad(FileName, assembly, searchPath, out var fallback) ? fallback : 0;
    }

    internal static IEnumerable<string> Candidates()
    {
        yield return Path.Combine(AppContext.BaseDirectory, FileName);
        yield return Path.Combine(AppContext.BaseDirectory, "runtimes", RuntimeFolder, "native", FileName);
        var overridden = Environment.GetEnvironmentVariable("HIL_NATIVE_DIR");
        if (!string.IsNullOrEmpty(overridden))
        {
            yield return Path.Combine(overridden, FileName);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            yield return Path.Combine(dir.FullName, "native", "build", FileName);
        }
    }
}
