namespace Openterface.Hil.NUnit.Tests;

public sealed class HilSettingsLoaderTests
{
    private static readonly Func<string, string?> None = _ => null;

    [Test]
    public void Runsettings_beat_environment_which_beats_hil_json()
    {
        using var repo = Repository();
        File.WriteAllText(repo.Combine("hil.json"), """{ "serial": "/dev/from-json", "video": "/dev/video-json", "layout": "de" }""");
        var env = new Dictionary<string, string> { ["HIL_SERIAL"] = "/dev/from-env", ["HIL_VIDEO"] = "/dev/video-env" };
        var run = new Dictionary<string, string> { ["HilSerial"] = "/dev/from-runsettings" };

        var settings = HilSettingsLoader.Load(k => run.GetValueOrDefault(k), k => env.GetValueOrDefault(k), repo.Combine("tests"));
        Assert.Multiple(() =>
        {
            Assert.That(settings.Serial, Is.EqualTo("/dev/from-runsettings"));
            Assert.That(settings.Video, Is.EqualTo("/dev/video-env"));
            Assert.That(settings.Layout, Is.EqualTo("de"));
            Assert.That(settings.ConfigFile, Is.EqualTo(repo.Combine("hil.json")));
            Assert.That(settings.PoolRigs.Single(), Is.EqualTo(new RigSettings("default", "/dev/from-runsettings", "/dev/video-env")));
        });
    }

    [Test]
    public void The_console_uri_comes_from_runsettings_then_environment_then_hil_json()
    {
        using var repo = Repository();
        File.WriteAllText(repo.Combine("hil.json"), """{ "target": "sim:qemu", "console": "/dev/ttyUSB1?baud=9600" }""");
        var env = new Dictionary<string, string> { ["HIL_CONSOLE"] = "tcp://board-1:3334" };
        var run = new Dictionary<string, string> { ["HilConsole"] = "tcp://board-2:3334" };

        Assert.Multiple(() =>
        {
            Assert.That(HilSettingsLoader.Load(None, None, repo.Combine("tests")).Console, Is.EqualTo("/dev/ttyUSB1?baud=9600"));
            Assert.That(HilSettingsLoader.Load(None, k => env.GetValueOrDefault(k), repo.Combine("tests")).Console, Is.EqualTo("tcp://board-1:3334"));
            Assert.That(
                HilSettingsLoader.Load(k => run.GetValueOrDefault(k), k => env.GetValueOrDefault(k), repo.Combine("tests")).Console,
                Is.EqualTo("tcp://board-2:3334"));
        });
    }

    [Test]
    public void Nothing_configured_lists_every_place_tried()
    {
        using var repo = Repository();
        var settings = HilSettingsLoader.Load(None, None, repo.Combine("tests"));
        var error = Assert.Throws<HilException>(settings.EnsureConfigured)!;
        Assert.That(error.Message, Is.EqualTo(
            "No Mini-KVM configured. Tried: .runsettings parameter 'HilTarget' (absent), environment HIL_TARGET (absent), " +
            ".runsettings parameter 'HilSerial' (absent), environment HIL_SERIAL (absent), " +
            $"hil.json (searched {repo.Combine("tests", "hil.json")}, {repo.Combine("hil.json")}: none). " +
            "Set HIL_TARGET=sim:console to use the simulator, HIL_SERIAL and HIL_VIDEO for a real rig, or HIL_POOL=postgres://... for a farm."));
    }

    [Test]
    public void Hil_json_is_searched_upward_but_not_beyond_the_repository_root()
    {
        using var outer = new TempDirectory();
        File.WriteAllText(outer.Combine("hil.json"), """{ "target": "sim:console" }""");
        var repo = Directory.CreateDirectory(outer.Combine("repo")).FullName;
        File.WriteAllText(Path.Combine(repo, "Openterface.Hil.sln"), string.Empty);
        var start = Directory.CreateDirectory(Path.Combine(repo, "tests", "bin")).FullName;

        var settings = HilSettingsLoader.Load(None, None, start);
        Assert.Multiple(() =>
        {
            Assert.That(settings.Target, Is.Null);
            Assert.That(HilSettingsLoader.SearchPaths(FileSearchScope.From(start)).Last(), Is.EqualTo(Path.Combine(repo, "hil.json")));
        });
    }

    [Test]
    public void Hil_json_paths_are_relative_to_the_file_and_rigs_and_timeouts_are_read()
    {
        using var repo = Repository();
        File.WriteAllText(repo.Combine("hil.json"), """
            {
              // Two rigs on the bench.
              "needles": "fixtures/needles",
              "resultsDirectory": "out/results",
              "timeouts": { "expect": 20, "boot": "00:03:00", "leaseWait": 5 },
              "rigs": [
                { "name": "bench-a", "serial": "/dev/ttyUSB0", "video": "/dev/video0" },
                { "name": "bench-b", "serial": "tcp://10.0.0.9:2000", "video": "http://10.0.0.9:8080/stream", "power": "tasmota://10.0.0.10" },
              ],
            }
            """);
        var settings = HilSettingsLoader.Load(None, None, repo.Path);
        Assert.Multiple(() =>
        {
            Assert.That(settings.Needles, Is.EqualTo(repo.Combine("fixtures", "needles")));
            Assert.That(settings.ResultsDirectory, Is.EqualTo(repo.Combine("out", "results")));
            Assert.That(settings.Timeouts.Expect, Is.EqualTo(TimeSpan.FromSeconds(20)));
            Assert.That(settings.Timeouts.Boot, Is.EqualTo(TimeSpan.FromMinutes(3)));
            Assert.That(settings.Timeouts.Action, Is.EqualTo(TimeSpan.FromSeconds(5)), "default kept");
            Assert.That(settings.PoolRigs.Select(r => r.Name), Is.EqualTo(new[] { "bench-a", "bench-b" }));
            Assert.That(settings.PoolRigs[1].Power, Is.EqualTo("tasmota://10.0.0.10"));
            Assert.That(settings.IsConfigured, Is.True);
        });
    }

    [Test]
    public void Results_directory_comes_from_HIL_ALLURE_RESULTS_when_set()
    {
        using var repo = Repository();
        var settings = HilSettingsLoader.Load(None, k => k == "HIL_ALLURE_RESULTS" ? "/srv/results" : null, repo.Path);
        Assert.That(settings.ResultsDirectory, Is.EqualTo("/srv/results"));
    }

    [Test]
    public void Default_results_go_to_reports_under_the_repository_root()
    {
        using var repo = Repository();
        var settings = HilSettingsLoader.Load(None, None, repo.Combine("tests"));
        Assert.That(settings.ResultsDirectory, Is.EqualTo(repo.Combine("reports", "allure-results")));
    }

    [Test]
    public void Simulator_target_counts_as_configured()
    {
        using var repo = Repository();
        var settings = HilSettingsLoader.Load(None, k => k == "HIL_TARGET" ? "sim:console" : null, repo.Path);
        Assert.Multiple(() =>
        {
            Assert.That(settings.UsesSimulator, Is.True);
            Assert.That(settings.EnsureConfigured, Throws.Nothing);
        });
    }

    [Test]
    public void Invalid_hil_json_is_reported_with_its_path()
    {
        using var repo = Repository();
        File.WriteAllText(repo.Combine("hil.json"), "{ \"serial\": ");
        Assert.That(() => HilSettingsLoader.Load(None, None, repo.Path),
            Throws.InstanceOf<HilException>().With.Message.Contains(repo.Combine("hil.json")).And.Message.Contains("not valid JSON"));
    }

    [Test]
    public void A_rig_without_serial_is_refused()
    {
        using var repo = Repository();
        File.WriteAllText(repo.Combine("hil.json"), """{ "rigs": [ { "name": "a" } ] }""");
        Assert.That(() => HilSettingsLoader.Load(None, None, repo.Path),
            Throws.InstanceOf<HilException>().With.Message.Contains("rig #1 has no 'serial'"));
    }

    [Test]
    public void Outside_a_repository_the_search_stops_at_the_users_home()
    {
        using var outer = new TempDirectory();
        File.WriteAllText(outer.Combine("hil.json"), """{ "target": "sim:console" }""");
        var home = Directory.CreateDirectory(outer.Combine("home")).FullName;
        var start = Directory.CreateDirectory(Path.Combine(home, "BoardTests", "bin")).FullName;

        var settings = HilSettingsLoader.Load(None, None, start, home);
        Assert.Multiple(() =>
        {
            Assert.That(settings.Target, Is.Null, "the hil.json above home was read");
            Assert.That(FileSearchScope.From(start, home).Boundary, Is.EqualTo(home));
        });
    }

    [Test]
    public void Outside_a_repository_and_home_the_search_stops_at_the_project_folder()
    {
        using var outer = new TempDirectory();
        File.WriteAllText(outer.Combine("hil.json"), """{ "target": "sim:console" }""");
        var project = Directory.CreateDirectory(outer.Combine("BoardTests")).FullName;
        File.WriteAllText(Path.Combine(project, "BoardTests.csproj"), "<Project />");
        var start = Directory.CreateDirectory(Path.Combine(project, "bin", "Debug", "net10.0")).FullName;

        var settings = HilSettingsLoader.Load(None, None, start, home: "/nonexistent-home");
        Assert.Multiple(() =>
        {
            Assert.That(settings.Target, Is.Null, "the hil.json above the project folder was read");
            Assert.That(settings.ResultsDirectory, Is.EqualTo(Path.Combine(project, "reports", "allure-results")));
            Assert.That(HilSettingsLoader.SearchPaths(FileSearchScope.From(start, "/nonexistent-home")).Last(), Is.EqualTo(Path.Combine(project, "hil.json")));
        });
    }

    [Test]
    public void A_shell_power_command_from_a_hil_json_linked_from_outside_the_scope_is_refused()
    {
        using var outer = new TempDirectory();
        var elsewhere = Directory.CreateDirectory(outer.Combine("elsewhere")).FullName;
        File.WriteAllText(Path.Combine(elsewhere, "hil.json"), """{ "target": "sim:console", "power": "shell:touch /tmp/pwned-{state}" }""");
        var repo = Directory.CreateDirectory(outer.Combine("repo")).FullName;
        File.WriteAllText(Path.Combine(repo, "Openterface.Hil.sln"), string.Empty);
        File.CreateSymbolicLink(Path.Combine(repo, "hil.json"), Path.Combine(elsewhere, "hil.json"));

        Assert.That(() => HilSettingsLoader.Load(None, None, repo),
            Throws.InstanceOf<SetupException>().With.Message.Contains("Refusing the power command 'shell:touch /tmp/pwned-{state}'")
                .And.Message.Contains(Path.Combine(elsewhere, "hil.json")).And.Message.Contains("HIL_POWER"));
    }

    [Test]
    public void A_shell_power_command_from_a_hil_json_inside_the_repository_is_taken()
    {
        using var repo = Repository();
        File.WriteAllText(repo.Combine("hil.json"), """{ "serial": "/dev/ttyUSB0", "power": "shell:relay {state}" }""");
        var settings = HilSettingsLoader.Load(None, None, repo.Combine("tests"));
        Assert.That(settings.Power, Is.EqualTo("shell:relay {state}"));
    }

    private static TempDirectory Repository()
    {
        var repo = new TempDirectory();
        File.WriteAllText(repo.Combine("Openterface.Hil.sln"), string.Empty);
        Directory.CreateDirectory(repo.Combine("tests"));
        return repo;
    }
}
