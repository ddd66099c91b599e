using System.CommandLine;
using System.Text.Json;

namespace Openterface.Hil.Cli.Commands;

/// <summary>
/// `hil doctor [--fix] [--json]`: checks what this machine needs (OpenCV, Tesseract, ffmpeg, QEMU, the image build
/// tools, Allure, the QEMU target image), names each missing piece with the exact command that installs it, and
/// with --fix installs them. Exit 0 when nothing is missing (warnings do not count).
/// </summary>
internal sealed class DoctorCommand : ICommandFactory
{
    public Command Create()
    {
        var fix = new Option<bool>("--fix") { Description = "Install what is missing: Debian packages with apt-get (as root or via sudo), Allure with npm into the user cache." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: { ok, checks: [ { name, status, detail, packages, remedy } ] }." };
        var command = new Command("doctor", "Check what this machine needs to run Openterface.Hil tests; name the command that installs each missing piece.")
        {
            fix, json,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var checks = DoctorChecks.Run(Environment.GetEnvironmentVariable);
            if (parseResult.GetValue(fix) && checks.Any(c => c.Status == DoctorStatus.Missing))
            {
                var log = parseResult.GetValue(json) ? Console.Error : Console.Out;
                await DoctorFix.ApplyAsync(checks, log, cancellationToken).ConfigureAwait(false);
                checks = DoctorChecks.Run(Environment.GetEnvironmentVariable);
            }

            Console.WriteLine(parseResult.GetValue(json) ? ToJson(checks) : Describe(checks));
            return checks.Any(c => c.Status == DoctorStatus.Missing) ? CliErrors.Failure : 0;
        });
        return command;
    }

    internal static string Describe(IReadOnlyList<DoctorCheck> checks)
    {
        var lines = new List<string>();
        foreach (var check in checks)
        {
            var label = check.Status switch { DoctorStatus.Ok => "ok     ", DoctorStatus.Warning => "warning", _ => "MISSING" };
            lines.Add($"{label}  {check.Name}: {check.Detail}");
            if (check.Status != DoctorStatus.Ok && check.Remedy is { } remedy)
            {
                lines.Add($"         fix: {remedy}");
            }
        }

        var missing = checks.Count(c => c.Status == DoctorStatus.Missing);
        lines.Add(missing == 0
            ? "hil doctor: this machine can run Openterface.Hil tests."
            : $"hil doctor: {missing} missing; run '{SetupRemedies.DoctorFix}' to install them.");
        return string.Join(Environment.NewLine, lines);
    }

    internal static string ToJson(IReadOnlyList<DoctorCheck> checks) => JsonSerializer.Serialize(new
    {
        ok = checks.All(c => c.Status != DoctorStatus.Missing),
        checks = checks.Select(c => new
        {
            name = c.Name,
            status = c.Status switch { DoctorStatus.Ok => "ok", DoctorStatus.Warning => "warning", _ => "missing" },
            detail = c.Detail,
            packages = c.Packages,
            remedy = c.Remedy,
        }),
    });
}
