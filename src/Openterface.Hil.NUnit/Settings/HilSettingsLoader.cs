using Openterface.Hil.Reporting;

namespace Openterface.Hil.NUnit;

/// <summary>Merges runsettings &gt; environment &gt; hil.json &gt; defaults, recording every place it looked.</summary>
internal static class HilSettingsLoader
{
    internal const string FileName = "hil.json";

    internal static HilSettings Load(Func<string, string?> runSettings, Func<string, string?> environment, string startDirectory, string? home = null)
    {
        ArgumentNullException.ThrowIfNull(runSettings);
        ArgumentNullException.ThrowIfNull(environment);
        var scope = FileSearchScope.From(startDirectory, home);
        var baseDirectory = scope.BaseFolder;
        var searched = SearchPaths(scope).ToList();
        var file = searched.FirstOrDefault(File.Exists) is { } found ? HilJsonFile.Read(found) : null;
        if (file is not null)
        {
            ShellPowerGuard.Check(file, scope);
        }

        var tried = new List<string>();

        string? Pick(string parameter, string variable, string? fromFile, bool record)
        {
            var fromRunSettings = NonEmpty(runSettings(parameter));
            var fromEnvironment = NonEmpty(environment(variable));
            if (record)
            {
                tried.Add($".runsettings parameter '{parameter}' ({(fromRunSettings is null ? "absent" : $"'{fromRunSettings}'")})");
                tried.Add($"environment {variable} ({(fromEnvironment is null ? "absent" : $"'{fromEnvironment}'")})");
            }

            return fromRunSettings ?? fromEnvironment ?? fromFile;
        }

        var target = Pick("HilTarget", "HIL_TARGET", file?.Target, record: true);
        var serial = Pick("HilSerial", "HIL_SERIAL", file?.Serial, record: true);
        tried.Add(file is null
            ? $"{FileName} (searched {string.Join(", ", searched)}: none)"
            : $"{FileName} ({file.Path}: {file.Describe()})");

        string ResolvePath(string parameter, string variable, string? fromFile, string fallback)
        {
            var fromOverride = NonEmpty(runSettings(parameter)) ?? NonEmpty(environment(variable));
            return fromOverride is not null ? Path.GetFullPath(fromOverride, baseDirectory)
                : fromFile is not null ? Path.GetFullPath(fromFile, file!.Directory)
                : Path.GetFullPath(fallback, baseDirectory);
        }

        var pool = Pick("HilPool", "HIL_POOL", file?.Pool, record: false);
        var defaults = new HilSettings();
        return new HilSettings
        {
            Target = target,
            Serial = serial,
            Video = Pick("HilVideo", "HIL_VIDEO", file?.Video, record: false),
            Power = Pick("HilPower", "HIL_POWER", file?.Power, record: false),
            Console = Pick("HilConsole", "HIL_CONSOLE", file?.Console, record: false),
            Layout = Pick("HilLayout", "HIL_LAYOUT", file?.Layout, record: false) ?? defaults.Layout,
            Needles = ResolvePath("HilNeedles", "HIL_NEEDLES", file?.Needles, "needles"),
            ResultsDirectory = ResolvePath("HilResults", AllureResultsLocation.EnvironmentVariable, file?.ResultsDirectory, AllureResultsLocation.DefaultResults),
            LeaseDirectory = ResolvePath("HilLeaseDirectory", "HIL_LEASE_DIR", file?.LeaseDirectory, defaults.LeaseDirectory),
            Timeouts = file?.Timeouts ?? defaults.Timeouts,
            Realism = Pick("HilRealism", "HIL_REALISM", file?.Realism, record: false),
            OcrLanguage = Pick("HilOcrLang", "HIL_OCR_LANG", file?.OcrLanguage, record: false),
            Rigs = file?.Rigs ?? [],
            Pool = pool,
            RigTags = Pick("HilRigTags", "HIL_RIG_TAGS", null, record: false) is { } tags
                ? [.. tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
                : file?.RigTags ?? [],
            LeaseTtl = Pick("HilLeaseTtl", "HIL_LEASE_TTL", null, record: false) is { } ttl ? Seconds(ttl, "HIL_LEASE_TTL") : file?.LeaseTtl,
            ConfigFile = file?.Path,
            Tried = tried,
        };
    }

    /// <summary>hil.json in the start folder and each parent, up to the repository root or the user's home (see <see cref="FileSearchScope"/>).</summary>
    internal static IEnumerable<string> SearchPaths(FileSearchScope scope) =>
        scope.Folders.Select(folder => Path.Combine(folder, FileName));

    private static TimeSpan Seconds(string value, string name) =>
        double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 1
            ? TimeSpan.FromSeconds(seconds)
            : throw new HilException($"{name} is '{value}'; give the lease TTL in seconds (at least 1), e.g. 60.");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
