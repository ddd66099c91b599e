using System.Security.Cryptography;
using System.Text;

namespace Openterface.Hil.Reporting;

/// <summary>Stable ids: the same test (and parameters) gets the same ids in every run, so Allure can show history.</summary>
internal static class AllureIds
{
    /// <summary>Identifies the test case regardless of its parameters.</summary>
    internal static string TestCaseId(string testCaseKey) => Hash(testCaseKey);

    /// <summary>Identifies one parameterisation of a test case (hidden parameters excluded, order irrelevant).</summary>
    internal static string HistoryId(string fullName, IEnumerable<AllureParameter> parameters)
    {
        var text = new StringBuilder(fullName);
        foreach (var parameter in parameters
                     .Where(p => p.Mode != AllureParameterMode.Hidden)
                     .OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            text.Append('\n').Append(parameter.Name).Append('=').Append(parameter.Value);
        }

        return Hash(text.ToString());
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 16);
}
