namespace Openterface.Hil.Reporting;

/// <summary>Why a test or step ended as it did.</summary>
internal sealed class AllureStatusDetails
{
    public string? Message { get; set; }

    public string? Trace { get; set; }

    public bool Known { get; set; }

    public bool Flaky { get; set; }

    public bool Muted { get; set; }
}

internal sealed record AllureLabel(string Name, string Value);

internal sealed record AllureLink(string Name, string Url, string Type);

internal sealed record AllureParameter(string Name, string Value, AllureParameterMode Mode = AllureParameterMode.Default);

/// <summary>A reference to an attachment file in the results folder (one file per reference).</summary>
internal sealed record AllureAttachment(string Name, string Source, string Type);
