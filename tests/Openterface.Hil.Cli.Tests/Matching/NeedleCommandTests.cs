namespace Openterface.Hil.Cli.Tests.Matching;

public sealed class NeedleCommandTests
{
    private DirectoryInfo _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("hil-needle-");

    [TearDown]
    public void DeleteFolder() => _dir.Delete(recursive: true);

    [Test]
    public void Create_writes_png_and_json_that_check_accepts_and_match_finds()
    {
        var frame = CliRunner.Fixture("screens", "matching", "grub-a.png");

        var created = CliRunner.Run("needle", "create", frame, "--region", "18,48,684,32", "--tag", "grub-menu", "--tag", "boot", "-o", _dir.FullName);
        var checkedFolder = CliRunner.Run("needle", "check", _dir.FullName);
        var matched = CliRunner.Run("match", CliRunner.Fixture("screens", "matching", "grub-a-q80.jpg"), Path.Combine(_dir.FullName, "grub-menu.json"));

        Assert.Multiple(() =>
        {
            Assert.That(created.Exit, Is.Zero, created.Error);
            Assert.That(File.ReadAllText(Path.Combine(_dir.FullName, "grub-menu.json")), Does.Contain("\"xpos\": 18").And.Contain("\"boot\""));
            Assert.That(checkedFolder.Exit, Is.Zero, checkedFolder.Error);
            Assert.That(checkedFolder.Out, Does.StartWith("1 needle(s) ok, 0 problem(s)"));
            Assert.That(matched.Exit, Is.Zero, matched.Out);
        });
    }

    [Test]
    public void Create_with_a_region_outside_the_frame_names_the_region_and_the_frame_size()
    {
        var (exit, _, error) = CliRunner.Run("needle", "create", CliRunner.Fixture("screens", "matching", "bios-a.png"),
            "--region", "700,380,64,32", "--tag", "x", "-o", _dir.FullName);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Not.Zero);
            Assert.That(error, Does.Contain("Region '700,380,64,32' is outside the 720x400 screenshot"));
        });
    }

    [Test]
    public void Create_with_a_malformed_region_shows_the_expected_format()
    {
        var (exit, _, error) = CliRunner.Run("needle", "create", CliRunner.Fixture("screens", "matching", "bios-a.png"),
            "--region", "10,20,30", "--tag", "x", "-o", _dir.FullName);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("Region '10,20,30' is not X,Y,W,H (four integers, e.g. 100,40,200,60)."));
        });
    }

    [Test]
    public void Check_lists_every_problem_with_file_and_value_and_fails()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "nopng.json"), """{ "tags": ["a"], "area": [ { "xpos": 0, "ypos": 0, "width": 5, "height": 5, "type": "match" } ] }""");
        File.WriteAllText(Path.Combine(_dir.FullName, "syntax.json"), "{ \"tags\": [\"a\"] \"area\": [] }");
        File.Copy(CliRunner.Fixture("screens", "matching", "bios-a.png"), Path.Combine(_dir.FullName, "syntax.png"));
        File.Copy(CliRunner.Fixture("screens", "matching", "bios-a.png"), Path.Combine(_dir.FullName, "orphan.png"));

        var (exit, output, error) = CliRunner.Run("needle", "check", _dir.FullName);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(error, Does.Contain("Needle 'nopng.json' has no image: '"));
            Assert.That(error, Does.Contain("Needle 'syntax.json' is not valid JSON at line 1, position 17: '\"' is invalid after a value. Fix the JSON syntax."));
            Assert.That(error, Does.Contain($"Image '{Path.Combine(_dir.FullName, "orphan.png")}' has no needle JSON next to it."));
            Assert.That(output, Does.StartWith("0 needle(s) ok, 3 problem(s)"));
        });
    }

    [Test]
    public void Check_accepts_the_committed_corpus()
    {
        var (exit, output, error) = CliRunner.Run("needle", "check", CliRunner.Fixture("needles", "corpus"));

        Assert.That(exit, Is.Zero, error);
        Assert.That(output, Does.StartWith("17 needle(s) ok, 0 problem(s)"));
    }
}
