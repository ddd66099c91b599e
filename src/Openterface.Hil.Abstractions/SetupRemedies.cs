namespace Openterface.Hil;

/// <summary>
/// The Debian packages each runtime piece comes from, and the commands that install them: one list for the
/// setup errors' remedies and for <c>hil doctor</c>.
/// </summary>
internal static class SetupRemedies
{
    internal const string DoctorFix = "dotnet hil doctor --fix";

    internal static readonly string[] OpenCv =
        ["libopencv-core406", "libopencv-imgproc406", "libopencv-imgcodecs406", "libopencv-videoio406"];

    internal static readonly string[] Tesseract = ["libtesseract5", "tesseract-ocr-eng"];

    internal static readonly string[] QemuTarget =
        ["qemu-system-x86", "qemu-utils", "mtools", "grub-pc-bin", "grub-common", "xorriso", "busybox-static", "cpio"];

    internal static readonly string[] Video = ["ffmpeg"];

    internal static string AptInstall(IEnumerable<string> packages) =>
        $"sudo apt-get install -y {string.Join(' ', packages)}";

    /// <summary>"Install them with 'sudo apt-get install -y ...' (or run 'dotnet hil doctor --fix')."</summary>
    internal static string Install(IEnumerable<string> packages) =>
        $"Install them with '{AptInstall(packages)}' (or run '{DoctorFix}').";
}
