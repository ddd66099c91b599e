using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using NUnit.Framework.Interfaces;
using Openterface.Hil.Reporting;

namespace Openterface.Hil.NUnit;

/// <summary>
/// Maps an NUnit outcome to an Allure status. A failure caused by a <see cref="SetupException"/> (this machine lacks
/// a library, tool or image; thrown directly or as an inner exception) is <c>broken</c> with a "Setup error: "
/// prefix, even when it surfaced through a rig fault; one caused by a <see cref="RigFaultException"/> is
/// <c>broken</c> with a "Rig fault: " prefix; other failures are <c>failed</c> (product); skipped and ignored are
/// <c>skipped</c>; inconclusive and cancelled are <c>broken</c>.
/// </summary>
internal static partial class NUnitOutcome
{
    private static readonly ConcurrentDictionary<(string, Type), bool> KnownTypes = new();

    internal static (AllureStatus Status, string? Message) Map(ResultState state, string? message, string? trace)
    {
        ArgumentNullException.ThrowIfNull(state);
        var text = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        switch (state.Status)
        {
            case TestStatus.Passed:
                return (AllureStatus.Passed, text);
            case TestStatus.Warning:
                return (AllureStatus.Passed, text is null ? null : $"Warning: {text}");
            case TestStatus.Skipped:
                return (AllureStatus.Skipped, text ?? state.Label);
            case TestStatus.Inconclusive:
                return (AllureStatus.Broken, $"Inconclusive: {text ?? "no reason given"}");
        }

        if (string.Equals(state.Label, "Cancelled", StringComparison.Ordinal))
        {
            return (AllureStatus.Broken, $"Cancelled: {text ?? "the run was stopped"}");
        }

        return IsSetupError(text, trace) ? (AllureStatus.Broken, AllureRunFiles.SetupErrorPrefix + text)
            : IsRigFault(text, trace) ? (AllureStatus.Broken, AllureRunFiles.RigFaultPrefix + text)
            : (AllureStatus.Failed, text);
    }

    /// <summary>True when an exception type named in NUnit's message ("Type : message", "----> Type : message") is a rig fault.</summary>
    internal static bool IsRigFault(string? message, string? trace) => Names(typeof(RigFaultException), message, trace);

    /// <summary>True when an exception type named in NUnit's message or trace is a setup error.</summary>
    internal static bool IsSetupError(string? message, string? trace) => Names(typeof(SetupException), message, trace);

    private static bool Names(Type baseType, string? message, string? trace)
    {
        foreach (var text in new[] { message, trace })
        {
            if (text is null)
            {
                continue;
            }

            foreach (Match match in ExceptionTypeName().Matches(text))
            {
                if (KnownTypes.GetOrAdd((match.Groups[1].Value, baseType), static key => IsOfType(key.Item1, key.Item2)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsOfType(string typeName, Type baseType)
    {
        if (typeName.EndsWith(baseType.Name, StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (assembly.GetType(typeName, throwOnError: false) is { } type)
            {
                return baseType.IsAssignableFrom(type);
            }
        }

        return false;
    }

    [GeneratedRegex(@"([A-Za-z_][\w.+`]*) : ")]
    private static partial Regex ExceptionTypeName();
}
