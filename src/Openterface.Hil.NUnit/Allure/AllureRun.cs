using System.Runtime.InteropServices;
using Openterface.Hil.Reporting;

namespace Openterface.Hil.NUnit;

/// <summary>
/// The results folder of this test process: writes categories.json, executor.json and environment.properties once,
/// and rewrites environment.properties when a session adds facts (rig generation, chip version, capture mode).
/// </summary>
internal sealed class AllureRun
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<string, string> environment = new(StringComparer.Ordinal);

    public AllureRun(HilSettings? settings, string resultsDirectory, TimeProvider timeProvider)
    {
        TimeProvider = timeProvider;
        Writer = new AllureResultsWriter(resultsDirectory);
        environment["Host OS"] = RuntimeInformation.OSDescription;
        environment[".NET"] = RuntimeInformation.FrameworkDescription;
        environment["Host"] = Environment.MachineName;
        if (settings is not null)
        {
            environment["Target"] = settings.UsesSimulator ? settings.Target! : settings.PoolRigs.Count > 0 ? $"{settings.PoolRigs.Count} rig(s)" : "none configured";
            Add("Serial", settings.Serial);
            Add("Video", settings.Video);
            Add("Keyboard layout", settings.Layout);
        }

        Writer.WriteCategories(AllureRunFiles.Categories);
        Writer.WriteExecutor(AllureRunFiles.DetectExecutor(Environment.GetEnvironmentVariable));
        Writer.WriteEnvironment(environment);
    }

    public AllureResultsWriter Writer { get; }

    public TimeProvider TimeProvider { get; }

    public void SetEnvironment(string key, string value)
    {
        lock (gate)
        {
            if (environment.TryGetValue(key, out var existing) && string.Equals(existing, value, StringComparison.Ordinal))
            {
                return;
            }

            environment[key] = value;
            Writer.WriteEnvironment(environment);
        }
    }

    /// <summary>Settings from runsettings/env/hil.json; a broken hil.json still gets results (to the default folder).</summary>
    public static AllureRun Create()
    {
        HilSettings? settings = null;
        string directory;
        try
        {
            settings = HilSettings.Load();
            directory = settings.ResultsDirectory;
        }
        catch (HilException)
        {
            var root = AllureResultsLocation.BaseFolder(AppContext.BaseDirectory);
            directory = AllureResultsLocation.ResolveResults(null, root, Environment.GetEnvironmentVariable);
        }

        return new AllureRun(settings, directory, TimeProvider.System);
    }

    private void Add(string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            environment[key] = value;
        }
    }
}
