using Openterface.Hil.Imaging;
using Openterface.Hil.Imaging.Interop;
using Openterface.Hil.Imaging.Ocr;
using Openterface.Hil.Reporting;
using Openterface.Hil.Simulator;

namespace Openterface.Hil.Cli.Commands;

/// <summary>What a machine needs to run Openterface.Hil tests, each probed the way the framework uses it.</summary>
internal static class DoctorChecks
{
    internal static IReadOnlyList<DoctorCheck> Run(Func<string, string?> environment) =>
    [
        OpenCv(), Tesseract(environment), Programs("ffmpeg (failure videos, hil record)", SetupRemedies.Video, "ffmpeg"),
        Programs("QEMU (sim:qemu target)", ["qemu-system-x86", "qemu-utils", "mtools"], "qemu-system-x86_64", "qemu-img", "mformat"),
        ImageTools(), Allure(environment), TargetImage(),
    ];

    private static DoctorCheck OpenCv()
    {
        const string name = "OpenCV shim (libhilcv.so + Debian OpenCV 4.6)";
        try
        {
            NativeLibraries.EnsureHilCv();
            return DoctorCheck.Ok(name, NativeLibraries.Candidates().FirstOrDefault(File.Exists) ?? "loaded");
        }
        catch (NativeLibraryMissingException e)
        {
            var fileThere = NativeLibraries.Candidates().Any(File.Exists);
            return DoctorCheck.Missing(name, e.Message, fileThere ? SetupRemedies.OpenCv : []);
        }
    }

    private static DoctorCheck Tesseract(Func<string, string?> environment)
    {
        const string name = "Tesseract OCR (libtesseract5 + English tessdata)";
        var tessdata = environment(OcrOptions.TessdataEnvironmentVariable) is { Length: > 0 } set ? set : OcrOptions.DefaultTessdataPath;
        try
        {
            TesseractNative.EnsureLoaded();
            TesseractEngine.CheckTessdata(tessdata, "eng");
            return DoctorCheck.Ok(name, tessdata);
        }
        catch (SetupException e)
        {
            return DoctorCheck.Missing(name, e.Message, SetupRemedies.Tesseract);
        }
    }

    private static DoctorCheck Programs(string name, IReadOnlyList<string> packages, params string[] programs)
    {
        var missing = programs.Where(p => !ProgramPath.Exists(p)).ToList();
        return missing.Count == 0
            ? DoctorCheck.Ok(name, string.Join(", ", programs.Select(p => ProgramPath.Find(p))))
            : DoctorCheck.Missing(name, $"not on PATH: {string.Join(", ", missing.Select(p => $"'{p}'"))}", packages);
    }

    private static DoctorCheck ImageTools()
    {
        const string name = "QEMU target image build tools (GRUB, busybox, xorriso)";
        var missing = TargetImageBuilder.MissingPackages();
        return missing.Count == 0 ? DoctorCheck.Ok(name, "all present") : DoctorCheck.Missing(name, "missing", missing);
    }

    private static DoctorCheck Allure(Func<string, string?> environment)
    {
        const string name = "Allure report generator (npm 'allure' 3.x)";
        try
        {
            return DoctorCheck.Ok(name, AllureTool.Locate(AllureTool.DefaultStartDirectories(), environment));
        }
        catch (HilException)
        {
            var prefix = AllureTool.UserPrefix(environment) ?? "~/.cache/openterface-hil/allure";
            var packages = ProgramPath.Exists("npm") ? Array.Empty<string>() : ["nodejs", "npm"];
            var install = $"npm install --prefix '{prefix}' --no-audit --no-fund allure@3";
            return new DoctorCheck(name, DoctorStatus.Missing, $"not found (HIL_ALLURE, .tools/allure, '{prefix}', PATH)")
            {
                Packages = packages,
                Remedy = packages.Length > 0 ? $"{SetupRemedies.AptInstall(packages)} && {install}" : install,
            };
        }
    }

    private static DoctorCheck TargetImage()
    {
        const string name = "QEMU target image (sim:qemu)";
        try
        {
            var image = QemuImage.Configured(null) ?? QemuImage.InCheckout(AppContext.BaseDirectory) ?? QemuImage.InCheckout(Directory.GetCurrentDirectory());
            var cached = TargetImageCache.Default.ImagePath;
            return image is not null || File.Exists(cached)
                ? DoctorCheck.Ok(name, image ?? cached)
                : new DoctorCheck(name, DoctorStatus.Warning, $"not built yet; built on first use into '{cached}'") { Remedy = "dotnet hil sim prepare" };
        }
        catch (SetupException e)
        {
            return new DoctorCheck(name, DoctorStatus.Missing, e.Message);
        }
    }
}
