namespace Openterface.Hil.Cli.Commands;

/// <summary>How a doctor check came out: ok, missing (the machine cannot run tests that need it) or a warning.</summary>
internal enum DoctorStatus
{
    Ok,
    Missing,
    Warning,
}

/// <summary>
/// One line of `hil doctor`: what was checked, the outcome, and how to fix it (Debian packages for apt, or a
/// command such as the npm install of Allure or `hil sim prepare`).
/// </summary>
internal sealed record DoctorCheck(string Name, DoctorStatus Status, string Detail)
{
    public IReadOnlyList<string> Packages { get; init; } = [];

    /// <summary>The exact command that fixes it (shown to the user; `--fix` runs the equivalent).</summary>
    public string? Remedy { get; init; }

    public static DoctorCheck Ok(string name, string detail) => new(name, DoctorStatus.Ok, detail);

    public static DoctorCheck Missing(string name, string detail, IReadOnlyList<string> packages) =>
        new(name, DoctorStatus.Missing, detail) { Packages = packages, Remedy = packages.Count > 0 ? SetupRemedies.AptInstall(packages) : null };
}
