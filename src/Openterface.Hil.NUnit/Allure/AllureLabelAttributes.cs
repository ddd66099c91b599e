namespace Openterface.Hil.NUnit;

/// <summary>Allure severity levels.</summary>
public enum AllureSeverity
{
    Blocker,
    Critical,
    Normal,
    Minor,
    Trivial,
}

/// <summary>Base of the attributes that add an Allure label to a test (on the method or its fixture).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public abstract class AllureLabelAttribute(string name, string value) : Attribute
{
    public string LabelName { get; } = name;

    public string LabelValue { get; } = value;
}

/// <summary>The product feature a test covers ("Boot", "Login").</summary>
public sealed class FeatureAttribute(string feature) : AllureLabelAttribute("feature", feature)
{
    public string Feature => LabelValue;
}

/// <summary>The user story within the feature ("Choose a GRUB entry").</summary>
public sealed class StoryAttribute(string story) : AllureLabelAttribute("story", story)
{
    public string Story => LabelValue;
}

/// <summary>Who owns the test (a name or team).</summary>
public sealed class OwnerAttribute(string owner) : AllureLabelAttribute("owner", owner)
{
    public string Owner => LabelValue;
}

/// <summary>How bad a failure of this test is.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class SeverityAttribute(AllureSeverity severity) : Attribute
{
    public AllureSeverity Severity { get; } = severity;
}

/// <summary>
/// On a test method parameter: its value is a secret. It is registered with the redactor (never written to any
/// report file) and shown masked.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class SecretAttribute : Attribute
{
}
