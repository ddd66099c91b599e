using System.Text.Json;
using Openterface.Hil.Cli.Commands;
using Openterface.Hil.Cli.Tests.Packaging;

namespace Openterface.Hil.Cli.Tests.Doctor;

public sealed class DoctorCommandTests
{
    [Test]
    public void Each_missing_piece_is_named_with_the_command_that_installs_it()
    {
        var checks = new[]
        {
            DoctorCheck.Ok("QEMU (sim:qemu target)", "/usr/bin/qemu-system-x86_64"),
            DoctorCheck.Missing("Tesseract OCR", "not loaded", SetupRemedies.Tesseract),
            new DoctorCheck("QEMU target image (sim:qemu)", DoctorStatus.Warning, "not built yet") { Remedy = "dotnet hil sim prepare" },
        };
        var text = DoctorCommand.Describe(checks);
        using var json = JsonDocument.Parse(DoctorCommand.ToJson(checks));
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("MISSING  Tesseract OCR: not loaded").And.Contain("fix: sudo apt-get install -y libtesseract5 tesseract-ocr-eng"));
            Assert.That(text, Does.Contain("warning  QEMU target image (sim:qemu): not built yet").And.Contain("fix: dotnet hil sim prepare"));
            Assert.That(text, Does.EndWith("hil doctor: 1 missing; run 'dotnet hil doctor --fix' to install them."));
            Assert.That(json.RootElement.GetProperty("ok").GetBoolean(), Is.False);
            Assert.That(json.RootElement.GetProperty("checks")[1].GetProperty("packages").EnumerateArray().Select(p => p.GetString()),
                Is.EqualTo(SetupRemedies.Tesseract));
        });
    }

    [Test]
    public async Task Without_OpenCV_doctor_exits_non_zero_and_names_the_Debian_packages()
    {
        // A copy of hil whose libhilcv.so needs a library that is not there: what a machine without OpenCV sees.
        var copy = Directory.CreateTempSubdirectory("hil-doctor-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(AppContext.BaseDirectory).Where(f => !f.EndsWith("libhilcv.so", StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }

            await File.WriteAllTextAsync(Path.Combine(copy, "gone.c"), "int hil_gone(void) { return 1; }\n");
            await File.WriteAllTextAsync(Path.Combine(copy, "shim.c"), "int hil_gone(void);\nint hilcv_abi_version(void) { return hil_gone(); }\n");
            var none = new Dictionary<string, string>();
            var (code, output) = await Shell.RunAsync(copy, none, TimeSpan.FromMinutes(1), "cc", "-shared", "-fPIC", "-o", "libopencv_gone.so", "gone.c");
            Assert.That(code, Is.Zero, output);
            (code, output) = await Shell.RunAsync(copy, none, TimeSpan.FromMinutes(1), "cc", "-shared", "-fPIC", "-o", "libhilcv.so", "shim.c", "-L.", "-lopencv_gone");
            Assert.That(code, Is.Zero, output);
            File.Delete(Path.Combine(copy, "libopencv_gone.so"));

            (code, output) = await Shell.RunAsync(copy, none, TimeSpan.FromMinutes(2), "dotnet", Path.Combine(copy, "hil.dll"), "doctor");
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.Not.Zero, output);
                Assert.That(output, Does.Contain("MISSING  OpenCV shim").And.Contain("libopencv_gone.so"));
                Assert.That(output, Does.Contain("fix: sudo apt-get install -y libopencv-core406 libopencv-imgproc406 libopencv-imgcodecs406 libopencv-videoio406"));
            });
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }
}
