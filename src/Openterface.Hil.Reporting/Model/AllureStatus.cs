namespace Openterface.Hil.Reporting;

/// <summary>Allure 2 test and step statuses (serialised lower-case).</summary>
internal enum AllureStatus
{
    Passed,
    Failed,
    Broken,
    Skipped,
    Unknown,
}

/// <summary>Allure 2 stages (serialised lower-case).</summary>
internal enum AllureStage
{
    Scheduled,
    Running,
    Finished,
    Pending,
    Interrupted,
}

/// <summary>Allure 2 parameter modes: a masked parameter shows as "******", a hidden one not at all.</summary>
internal enum AllureParameterMode
{
    Default,
    Masked,
    Hidden,
}
