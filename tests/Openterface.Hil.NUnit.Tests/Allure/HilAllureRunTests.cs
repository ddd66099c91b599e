using System.Text.Json;

namespace Openterface.Hil.NUnit.Tests;

/// <summary>Runs the deliberate failures of Openterface.Hil.NUnit.TestData in a real NUnit run and reads its results.</summary>
public sealed class HilAllureRunTests
{
    private static TempDirectory? results;
    private static Dictionary<string, JsonElement> byName = [];
    private static List<JsonElement> all = [];

    [OneTimeSetUp]
    public async Task RunTheTestData()
    {
        results = new TempDirectory();
        using var child = TestDataProcess.Start("run", results.Path, "DeliberateFailure");
        var (exitCode, stdout, stderr) = await child.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.That(exitCode, Is.Zero, stderr);
        Assert.That(stdout, Does.Contain("total=16"), stdout + stderr);
        all = [.. Directory.GetFiles(results.Path, "*-result.json").Select(f => JsonDocument.Parse(File.ReadAllBytes(f)).RootElement.Clone())];
        // A retried test has one result per attempt; the latest is the outcome.
        byName = all.GroupBy(r => r.GetProperty("name").GetString()!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.GetProperty("start").GetInt64()), StringComparer.Ordinal);
    }

    [OneTimeTearDown]
    public void Cleanup() => results?.Dispose();

    [TestCase("Passes_with_steps", "passed")]
    [TestCase("Fails_on_product", "failed")]
    [TestCase("Fails_an_assertion", "failed")]
    [TestCase("Breaks_on_rig_fault", "broken")]
    [TestCase("Breaks_on_wrapped_rig_fault_subclass", "broken")]
    [TestCase("Is_ignored", "skipped")]
    [TestCase("Is_ignored_by_attribute", "skipped")]
    [TestCase("Is_inconclusive", "broken")]
    [TestCase("Needs_a_real_rig", "skipped")]
    [TestCase("Boots_entry(\"rescue\")", "passed")]
    [TestCase("Logs_in(\"***\")", "failed")]
    [TestCase("First", "broken")]
    [TestCase("Second", "broken")]
    public void Each_nunit_outcome_is_mapped_to_its_allure_status(string test, string status)
    {
        Assert.That(byName, Contains.Key(test));
        Assert.That(byName[test].GetProperty("status").GetString(), Is.EqualTo(status));
    }

    [Test]
    public void Every_test_has_a_result_and_every_retry_attempt_its_own()
    {
        Assert.Multiple(() =>
        {
            Assert.That(byName, Has.Count.EqualTo(16));
            Assert.That(all, Has.Count.EqualTo(17));
        });
    }

    [Test]
    public void A_test_that_passes_on_retry_is_flaky_and_keeps_its_history_id()
    {
        var attempts = all.Where(r => r.GetProperty("name").GetString() == "Passes_on_retry")
            .OrderBy(r => r.GetProperty("start").GetInt64()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(attempts.Select(a => a.GetProperty("status").GetString()), Is.EqualTo(new[] { "failed", "passed" }));
            Assert.That(attempts[1].GetProperty("statusDetails").GetProperty("flaky").GetBoolean(), Is.True);
            Assert.That(attempts[0].GetProperty("historyId").GetString(), Is.EqualTo(attempts[1].GetProperty("historyId").GetString()));
        });
    }

    [Test]
    public void Rig_faults_carry_the_prefix_the_rig_fault_category_matches()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Message("Breaks_on_rig_fault"), Does.StartWith("Rig fault: Openterface.Hil.RigFaultException : No frame"));
            Assert.That(Message("Breaks_on_wrapped_rig_fault_subclass"), Does.StartWith("Rig fault: ").And.Contain("Capture stalled"));
            Assert.That(Message("First"), Does.StartWith("Rig fault: ").And.Contain("OneTimeSetUp"));
            Assert.That(Message("Fails_on_product"), Does.Not.Contain("Rig fault"));
        });
    }

    [Test]
    public void Labels_come_from_nunit_and_the_allure_attributes()
    {
        var labels = byName["Passes_with_steps"].GetProperty("labels").EnumerateArray()
            .Select(l => $"{l.GetProperty("name").GetString()}={l.GetProperty("value").GetString()}").ToList();
        Assert.That(labels, Is.SupersetOf(new[]
        {
            "suite=DeliberateOutcomes", "parentSuite=Openterface.Hil.NUnit.TestData.Suites", "tag=DeliberateFailure",
            "feature=Boot", "owner=qa-team", "story=GRUB menu", "severity=critical", "framework=nunit", "language=csharp",
            "testClass=Openterface.Hil.NUnit.TestData.Suites.DeliberateOutcomes", "testMethod=Passes_with_steps",
        }));
        Assert.That(byName["Passes_with_steps"].GetProperty("description").GetString(), Does.Contain("two nested steps"));
    }

    [Test]
    public void Steps_reported_through_the_current_listener_are_nested()
    {
        var group = byName["Passes_with_steps"].GetProperty("steps")[0];
        Assert.Multiple(() =>
        {
            Assert.That(group.GetProperty("name").GetString(), Is.EqualTo("Open the menu"));
            Assert.That(group.GetProperty("steps")[0].GetProperty("name").GetString(), Is.EqualTo("Press 'esc'"));
        });
    }

    [Test]
    public void Parameterised_tests_share_a_test_case_id_but_not_a_history_id()
    {
        var rescue = byName["Boots_entry(\"rescue\")"];
        var normal = byName["Boots_entry(\"normal\")"];
        Assert.Multiple(() =>
        {
            Assert.That(rescue.GetProperty("testCaseId").GetString(), Is.EqualTo(normal.GetProperty("testCaseId").GetString()));
            Assert.That(rescue.GetProperty("historyId").GetString(), Is.Not.EqualTo(normal.GetProperty("historyId").GetString()));
            Assert.That(rescue.GetProperty("parameters")[0].GetProperty("value").GetString(), Is.EqualTo("rescue"));
        });
    }

    [Test]
    public void Secret_parameters_are_masked_and_never_written_anywhere()
    {
        var parameter = byName["Logs_in(\"***\")"].GetProperty("parameters")[0];
        Assert.Multiple(() =>
        {
            Assert.That(parameter.GetProperty("mode").GetString(), Is.EqualTo("masked"));
            foreach (var file in Directory.GetFiles(results!.Path))
            {
                Assert.That(File.ReadAllText(file), Does.Not.Contain("hunter2-TestData-secret"), file);
            }
        });
    }

    [Test]
    public void Evidence_attached_during_the_test_is_in_the_result()
    {
        var attachment = byName["Attaches_evidence_then_fails"].GetProperty("attachments")[0];
        Assert.Multiple(() =>
        {
            Assert.That(attachment.GetProperty("name").GetString(), Is.EqualTo("Screenshot"));
            Assert.That(File.Exists(Path.Combine(results!.Path, attachment.GetProperty("source").GetString()!)), Is.True);
        });
    }

    [Test]
    public void Run_files_describe_categories_executor_and_environment()
    {
        var environment = File.ReadAllText(Path.Combine(results!.Path, "environment.properties"));
        var categories = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(results.Path, "categories.json"))).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(categories.EnumerateArray().Select(c => c.GetProperty("name").GetString()), Is.EqualTo(new[] { "Setup", "Rig fault", "Product failure", "Flaky" }));
            Assert.That(File.Exists(Path.Combine(results.Path, "executor.json")), Is.True);
            Assert.That(environment, Does.Contain("Rig\\ generation=Mini-KVM (test data)").And.Contain(".NET=.NET 10"));
        });
    }

    [Test]
    public void A_fixture_whose_one_time_setup_failed_gets_a_container_with_the_failed_before()
    {
        var container = Directory.GetFiles(results!.Path, "*-container.json")
            .Select(f => JsonDocument.Parse(File.ReadAllBytes(f)).RootElement)
            .Single(c => c.GetProperty("name").GetString()!.EndsWith("RigDownBeforeTests", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(container.GetProperty("children").GetArrayLength(), Is.EqualTo(2));
            Assert.That(container.GetProperty("befores")[0].GetProperty("status").GetString(), Is.EqualTo("broken"));
        });
    }

    private static string Message(string test) =>
        byName[test].GetProperty("statusDetails").GetProperty("message").GetString()!;
}
