using System.Globalization;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using Openterface.Hil.Reporting;

namespace Openterface.Hil.NUnit;

/// <summary>Builds the Allure description of an NUnit test: names, labels, parameters.</summary>
internal static class NUnitTestDescriber
{
    internal static AllureTestDescription Describe(ITest test)
    {
        var type = test.TypeInfo;
        var ns = type?.Namespace ?? string.Empty;
        var labels = new List<AllureLabel>
        {
            new("framework", "nunit"),
            new("language", "csharp"),
            new("host", Environment.MachineName),
            new("thread", $"{Environment.ProcessId}.{Environment.CurrentManagedThreadId}"),
            new("suite", type?.Name ?? test.ClassName ?? test.Name),
        };
        if (ns.Length > 0)
        {
            labels.Add(new AllureLabel("parentSuite", ns));
            labels.Add(new AllureLabel("package", ns));
        }

        if (test.Parent is { TestType: "ParameterizedMethod" } parameterized)
        {
            labels.Add(new AllureLabel("subSuite", parameterized.Name));
        }

        if (test.ClassName is { } className)
        {
            labels.Add(new AllureLabel("testClass", className));
        }

        if (test.MethodName is { } methodName)
        {
            labels.Add(new AllureLabel("testMethod", methodName));
        }

        labels.AddRange(Categories(test).Select(c => new AllureLabel("tag", c)));
        labels.AddRange(CustomLabels(test));
        var methodKey = $"{test.ClassName}.{test.MethodName ?? test.Name}";
        return new AllureTestDescription(
            test.Name,
            test.FullName,
            methodKey,
            labels,
            Parameters(test),
            [],
            test.Properties.Get(PropertyNames.Description) as string);
    }

    private static IEnumerable<string> Categories(ITest test)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = test; current is not null; current = current.Parent)
        {
            if (current.Properties.ContainsKey(PropertyNames.Category))
            {
                foreach (var category in current.Properties[PropertyNames.Category].OfType<string>())
                {
                    if (seen.Add(category))
                    {
                        yield return category;
                    }
                }
            }
        }
    }

    private static IEnumerable<AllureLabel> CustomLabels(ITest test)
    {
        var fromMethod = test.Method?.GetCustomAttributes<AllureLabelAttribute>(true) ?? [];
        var fromType = test.TypeInfo?.GetCustomAttributes<AllureLabelAttribute>(true) ?? [];
        foreach (var attribute in fromType.Concat(fromMethod))
        {
            yield return new AllureLabel(attribute.LabelName, attribute.LabelValue);
        }

        var severity = test.Method?.GetCustomAttributes<SeverityAttribute>(true).FirstOrDefault()
            ?? test.TypeInfo?.GetCustomAttributes<SeverityAttribute>(true).FirstOrDefault();
        if (severity is not null)
        {
            yield return new AllureLabel("severity", severity.Severity.ToString().ToLowerInvariant());
        }
    }

    private static List<AllureParameter> Parameters(ITest test)
    {
        var parameters = new List<AllureParameter>();
        var declared = test.Method?.GetParameters() ?? [];
        for (var i = 0; i < test.Arguments.Length; i++)
        {
            var name = i < declared.Length ? declared[i].ParameterInfo.Name ?? $"arg{i}" : $"arg{i}";
            var value = Format(test.Arguments[i]);
            var secret = i < declared.Length && declared[i].ParameterInfo.IsDefined(typeof(SecretAttribute), false);
            if (secret)
            {
                SecretRedactor.Register(value);
            }

            parameters.Add(new AllureParameter(name, value, secret ? AllureParameterMode.Masked : AllureParameterMode.Default));
        }

        return parameters;
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
