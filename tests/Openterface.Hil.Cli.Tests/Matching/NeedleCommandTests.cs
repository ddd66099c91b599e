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
    public void Create_writes_click_exclude_and_ocr_areas_that_load_back()
    {
        var frame = CliRunner.Fixture("screens", "matching", "grub-a.png");

        var created = CliRunner.Run("needle", "create", frame, "--region", "18,48,684,32", "--click", "30,60", "--exclude", "600,50,80,20",
            "--exclude", "20,50,10,10", "--ocr", "18,90,300,20", "--tag", "grub-menu", "-o", _dir.FullName);
        var needle = Imaging.Needle.Load(Path.Combine(_dir.FullName, "grub-menu.json"));

        Assert.Multiple(() =>
        {
            Assert.That(created.Exit, Is.Zero, created.Error);
            Assert.That(needle.Areas.Select(a => $"{a.Type} {a.Bounds.X},{a.Bounds.Y},{a.Bounds.Width},{a.Bounds.Height}"), Is.EqualTo(new[]
            {
                "Match 18,48,684,32", "Exclude 600,50,80,20", "Exclude 20,50,10,10", "Ocr 18,90,300,20",
            }));
            Assert.That(needle.Areas[0].ClickPoint, Is.EqualTo(new System.Drawing.Point(12, 12)), "relative to the match area");
        });
    }

    [Test]
    public void Create_with_a_click_point_outside_the_match_area_is_a_usage_error()
    {
        var (exit, _, error) = CliRunner.Run("needle", "create", CliRunner.Fixture("screens", "matching", "grub-a.png"),
            "--region", "18,48,684,32", "--click", "5,5", "--tag", "x", "-o", _dir.FullName);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("Click point '5,5' is outside the match area '18,48,684,32'"));
            Assert.That(Directory.EnumerateFiles(_dir.FullName), Is.Empty);
        });
    }

    [Test]
    public void Accept_copies_a_candidate_under_the_needle_name_and_refuses_to_overwrite_without_force()
    {
        var candidate = Directory.CreateDirectory(Path.Combine(_dir.FullName, "needles-candidates", "20261202T170000000-grub-menu")).FullName;
        var made = CliRunner.Run("needle", "create", CliRunner.Fixture("screens", "matching", "grub-a.png"), "--region", "18,48,684,32",
            "--tag", "grub-menu", "-o", candidate);
        var into = Path.Combine(_dir.FullName, "needles");

        var first = CliRunner.Run("needle", "accept", Path.Combine(candidate, "grub-menu.json"), "--into", into);
        var again = CliRunner.Run("needle", "accept", candidate, "--into", into);
        var forced = CliRunner.Run("needle", "accept", candidate, "--into", into, "--force");
        var matched = CliRunner.Run("match", CliRunner.Fixture("screens", "matching", "grub-a-q80.jpg"), Path.Combine(into, "grub-menu.json"));

        Assert.Multiple(() =>
        {
            Assert.That(made.Exit, Is.Zero, made.Error);
            Assert.That(first.Exit, Is.Zero, first.Error);
            Assert.That(File.Exists(Path.Combine(into, "grub-menu.png")), Is.True);
            Assert.That(again.Exit, Is.EqualTo(1));
            Assert.That(again.Error, Does.Contain("Needle 'grub-menu' already exists in").And.Contain("--force"));
            Assert.That(forced.Exit, Is.Zero, forced.Error);
            Assert.That(matched.Exit, Is.Zero, matched.Out);
        });
    }

    [Test]
    public void Accept_of_something_that_is_not_a_candidate_says_what_is_expected()
    {
        var (exit, _, error) = CliRunner.Run("needle", "accept", Path.Combine(_dir.FullName, "missing.json"), "--into", _dir.FullName);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(error, Does.Contain("is not a candidate needle: NAME.json and NAME.png are expected side by side"));
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
