using System.Text.Json;

namespace Openterface.Hil.Reporting.Tests;

public sealed class AllureResultsWriterTests
{
    [Test]
    public void Finished_test_is_written_as_allure_result_json()
    {
        using var dir = new TempDirectory();
        var time = new ManualTimeProvider(ResultsFolder.Epoch);
        var test = ResultsFolder.Start(dir.Path, time, "Boots_to_login", new AllureParameter("entry", "rescue"));
        time.Advance(TimeSpan.FromMilliseconds(1500));
        test.Finish(AllureStatus.Failed, "Needle 'login' not found within 30s.", "at Boot()");

        var json = ResultsFolder.ReadResult(dir.Path);
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("uuid").GetString(), Is.EqualTo(test.Result.Uuid));
            Assert.That(File.Exists(dir.Combine($"{test.Result.Uuid}-result.json")), Is.True);
            Assert.That(json.GetProperty("name").GetString(), Is.EqualTo("Boots_to_login"));
            Assert.That(json.GetProperty("fullName").GetString(), Is.EqualTo("Example.Suites.BootTests.Boots_to_login"));
            Assert.That(json.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(json.GetProperty("stage").GetString(), Is.EqualTo("finished"));
            Assert.That(json.GetProperty("statusDetails").GetProperty("message").GetString(), Does.Contain("Needle 'login'"));
            Assert.That(json.GetProperty("statusDetails").GetProperty("trace").GetString(), Is.EqualTo("at Boot()"));
            Assert.That(json.GetProperty("start").GetInt64(), Is.EqualTo(ResultsFolder.Epoch.ToUnixTimeMilliseconds()));
            Assert.That(json.GetProperty("stop").GetInt64() - json.GetProperty("start").GetInt64(), Is.EqualTo(1500));
            Assert.That(json.GetProperty("labels")[0].GetProperty("name").GetString(), Is.EqualTo("suite"));
            Assert.That(json.GetProperty("parameters")[0].GetProperty("mode").GetString(), Is.EqualTo("default"));
            Assert.That(json.GetProperty("links")[0].GetProperty("type").GetString(), Is.EqualTo("issue"));
            Assert.That(json.GetProperty("historyId").GetString(), Has.Length.EqualTo(32));
        });
    }

    [Test]
    public void History_id_is_stable_across_runs_and_depends_on_parameters()
    {
        var a = AllureIds.HistoryId("N.T.M", [new AllureParameter("x", "1"), new AllureParameter("y", "2")]);
        var sameOtherOrder = AllureIds.HistoryId("N.T.M", [new AllureParameter("y", "2"), new AllureParameter("x", "1")]);
        var other = AllureIds.HistoryId("N.T.M", [new AllureParameter("x", "1"), new AllureParameter("y", "3")]);
        var hiddenIgnored = AllureIds.HistoryId("N.T.M", [new AllureParameter("x", "1"), new AllureParameter("y", "2"), new AllureParameter("run", "7", AllureParameterMode.Hidden)]);
        Assert.Multiple(() =>
        {
            Assert.That(sameOtherOrder, Is.EqualTo(a));
            Assert.That(hiddenIgnored, Is.EqualTo(a));
            Assert.That(other, Is.Not.EqualTo(a));
            Assert.That(AllureIds.TestCaseId("N.T.M"), Is.EqualTo("dbbed2ef3e3c30f3c47de70d2f437804"), "first 16 bytes of SHA-256, pinned so ids stay stable across versions");
            Assert.That(AllureIds.TestCaseId("N.T.M"), Is.Not.EqualTo(AllureIds.TestCaseId("N.T.O")));
        });
    }

    [Test]
    public void Each_attachment_reference_gets_its_own_file()
    {
        using var dir = new TempDirectory();
        var test = ResultsFolder.Start(dir.Path);
        var bytes = "same bytes"u8.ToArray();
        var first = test.Attach("Serial transcript", "text/plain", "txt", bytes);
        var second = test.Attach("Serial transcript", "text/plain", ".TXT", bytes);
        test.Finish(AllureStatus.Passed);

        Assert.Multiple(() =>
        {
            Assert.That(first.Source, Is.Not.EqualTo(second.Source));
            Assert.That(first.Source, Does.EndWith("-attachment.txt"));
            Assert.That(second.Source, Does.EndWith("-attachment.txt"));
            Assert.That(File.ReadAllBytes(dir.Combine(first.Source)), Is.EqualTo(bytes));
            Assert.That(File.ReadAllBytes(dir.Combine(second.Source)), Is.EqualTo(bytes));
            Assert.That(ResultsFolder.ReadResult(dir.Path).GetProperty("attachments").GetArrayLength(), Is.EqualTo(2));
        });
    }

    [Test]
    public void Writing_leaves_no_temporary_files_and_replaces_whole_files()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("x-result.json");
        AtomicFile.Write(path, "{\"a\":1}"u8);
        AtomicFile.Write(path, "{\"b\":2}"u8);
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(path), Is.EqualTo("{\"b\":2}"));
            Assert.That(Directory.GetFiles(dir.Path), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void Container_lists_fixtures_around_its_children()
    {
        using var dir = new TempDirectory();
        var writer = new AllureResultsWriter(dir.Path);
        writer.WriteContainer(new AllureContainer
        {
            Uuid = "c1",
            Name = "BootTests",
            Children = ["t1", "t2"],
            Befores = [new AllureFixtureResult { Name = "Power on", Status = AllureStatus.Passed }],
            Afters = [new AllureFixtureResult { Name = "Release all keys", Status = AllureStatus.Broken }],
        });
        var json = JsonDocument.Parse(File.ReadAllBytes(dir.Combine("c1-container.json"))).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("children").GetArrayLength(), Is.EqualTo(2));
            Assert.That(json.GetProperty("befores")[0].GetProperty("name").GetString(), Is.EqualTo("Power on"));
            Assert.That(json.GetProperty("afters")[0].GetProperty("status").GetString(), Is.EqualTo("broken"));
        });
    }

    [Test]
    public void Finishing_a_test_twice_is_refused()
    {
        using var dir = new TempDirectory();
        var test = ResultsFolder.Start(dir.Path);
        test.Finish(AllureStatus.Passed);
        Assert.That(() => test.Finish(AllureStatus.Failed), Throws.InvalidOperationException);
    }
}
