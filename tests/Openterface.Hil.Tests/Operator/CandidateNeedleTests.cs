using System.Drawing;
using Openterface.Hil.Tests.Fakes;

namespace Openterface.Hil.Tests.Operator;

/// <summary>Needle authoring from a failure (issue 16): a missed needle leaves a candidate that `hil needle accept` promotes.</summary>
public sealed class CandidateNeedleTests
{
    private static readonly ExpectOptions Short = new() { Timeout = TimeSpan.FromSeconds(2), AfterInputChange = false };

    // A button (light box with a dark icon) on a plain screen; the needle's area has a 10-pixel border around it.
    private static Scene Button(int x, int y, byte face, byte icon) =>
        new Scene($"button at {x},{y}").WithBox(x, y, 80, 30, face).WithBox(x + 10, y + 8, 24, 14, icon);

    [Test]
    public async Task A_failed_needle_wait_leaves_a_candidate_that_accepted_then_matches()
    {
        await using var rig = new FakeRig(new Size(640, 480), realVision: true);
        rig.Video.Show(Button(200, 150, face: 200, icon: 30));
        rig.NeedleFromScreen("ok-button", new Rectangle(190, 140, 100, 50));
        using var candidates = new TempFolder("hil-candidates");
        using var accepted = new TempFolder("hil-accepted");
        await using var hil = rig.Session(o => o with { CandidateNeedles = candidates.Path });

        // The new build moved the button by 24,16 and restyled it: the old needle no longer matches.
        rig.Video.Show(Button(224, 166, face: 150, icon: 250));
        rig.Video.Emit();
        var failure = Assert.ThrowsAsync<ExpectationFailedException>(() => hil.Expect(hil.Screen.Needle("ok-button")).ToBeVisibleAsync(Short));
        var saved = Directory.GetFiles(candidates.Path, "*.json", SearchOption.AllDirectories);
        var json = NeedleCandidate.Accept(Path.GetDirectoryName(saved.Single())!, accepted.Path, force: false);
        var needle = Needle.Load(json);
        using var matcher = new NeedleMatcher();
        var match = matcher.Match(failure!.LastFrame!, needle);
        var old = matcher.Match(failure.LastFrame!, Needle.Load(rig.NeedleFolder.File("ok-button.json")));

        Assert.Multiple(() =>
        {
            Assert.That(old.Found, Is.False, "the scenario really fails with the old needle");
            Assert.That(failure.Attachments.Select(a => a.Name), Does.Contain("candidate needle"));
            Assert.That(Path.GetFileName(json), Is.EqualTo("ok-button.json"), "accepted under the needle's name");
            Assert.That(needle.Areas.Single().Bounds, Is.EqualTo(new Rectangle(214, 156, 100, 50)), "the area moved to the best place");
            Assert.That(needle.Tags, Is.EqualTo(new[] { "ok-button" }));
            Assert.That(needle.Properties, Is.EqualTo(new[] { "workaround" }), "properties copied from the needle");
            Assert.That(match.Found, Is.True, match.ToString());
            Assert.That(match.Bounds, Is.EqualTo(new Rectangle(214, 156, 100, 50)));
            Assert.That(() => NeedleCandidate.Accept(saved.Single(), accepted.Path, force: false), Throws.InstanceOf<IOException>());
        });
    }

    [Test]
    public async Task Without_a_candidate_folder_a_failed_wait_saves_nothing()
    {
        await using var rig = new FakeRig(new Size(640, 480), realVision: true);
        rig.Video.Show(Button(200, 150, face: 200, icon: 30));
        rig.NeedleFromScreen("ok-button", new Rectangle(190, 140, 100, 50));
        await using var hil = rig.Session();

        rig.Video.Show(Button(224, 166, face: 150, icon: 250));
        rig.Video.Emit();
        var failure = Assert.ThrowsAsync<ExpectationFailedException>(() => hil.Expect(hil.Screen.Needle("ok-button")).ToBeVisibleAsync(Short));

        Assert.That(failure!.Attachments.Select(a => a.Name), Does.Not.Contain("candidate needle"));
    }

    [Test]
    public void Moved_areas_follow_each_match_area_and_shift_the_others_by_the_first_offset()
    {
        using var screen = Frame.Allocate(320, 200, PixelFormat.Gray8);
        using var folder = new TempFolder("hil-moved");
        screen.Save(folder.File("two.png"));
        File.WriteAllText(folder.File("two.json"), """
            {"tags": ["two"], "area": [
              {"xpos": 10, "ypos": 10, "width": 40, "height": 20, "type": "match", "match": 90, "click_point": {"xpos": 5, "ypos": 5}},
              {"xpos": 15, "ypos": 12, "width": 5, "height": 5, "type": "exclude"},
              {"xpos": 100, "ypos": 100, "width": 30, "height": 30, "type": "match"},
              {"xpos": 300, "ypos": 190, "width": 10, "height": 10, "type": "ocr"}]}
            """);
        var needle = Needle.Load(folder.File("two.json"));
        var match = new MatchResult("two", false, 0.5, 0.9, Rectangle.Empty, Point.Empty, "missed")
        {
            Areas =
            [
                new AreaMatch(0, new Rectangle(30, 40, 40, 20), 0.5, 0.9, false, Rectangle.Empty, 50),
                new AreaMatch(1, new Rectangle(90, 95, 30, 30), 0.99, 0.96, true, Rectangle.Empty, 50),
            ],
        };

        var moved = NeedleCandidate.MovedAreas(needle, match, screen.Size);

        Assert.Multiple(() =>
        {
            Assert.That(moved.Select(a => a.Bounds), Is.EqualTo(new[]
            {
                new Rectangle(30, 40, 40, 20), new Rectangle(35, 42, 5, 5), new Rectangle(90, 95, 30, 30),
                new Rectangle(310, 190, 10, 10),
            }), "the OCR area shifted by 20,30 is pushed back inside the 320x200 frame");
            Assert.That(moved[0].MatchPercent, Is.EqualTo(90));
            Assert.That(moved[0].ClickPoint, Is.EqualTo(new Point(5, 5)));
            Assert.That(moved.Select(a => a.Type), Is.EqualTo(needle.Areas.Select(a => a.Type)));
        });
    }
}
