using System.Text.Json;

namespace Openterface.Hil.Reporting.Tests;

/// <summary>Reads back what the writer produced.</summary>
internal static class ResultsFolder
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);

    public static JsonElement ReadResult(string directory)
    {
        var files = Directory.GetFiles(directory, "*-result.json");
        Assert.That(files, Has.Length.EqualTo(1), "exactly one result file");
        return JsonDocument.Parse(File.ReadAllBytes(files[0])).RootElement.Clone();
    }

    public static AllureTestDescription Describe(string name = "Boots_to_login", params AllureParameter[] parameters) =>
        new(name, $"Example.Suites.BootTests.{name}", $"Example.Suites.BootTests.{name}",
            [new AllureLabel("suite", "BootTests"), new AllureLabel("framework", "nunit")],
            parameters, [new AllureLink("Issue 8", "https://example.invalid/8", "issue")]);

    public static AllureTestCase Start(string directory, TimeProvider? time = null, string name = "Boots_to_login", params AllureParameter[] parameters) =>
        new(new AllureResultsWriter(directory), Describe(name, parameters), time ?? new ManualTimeProvider(Epoch));
}
