using Openterface.Hil.Tests.Fakes;

namespace Openterface.Hil.Tests.Operator;

/// <summary>Screen.Tag / AnyTag: any needle with the tag matches, the best variant wins, the result names it (issue 16 c, d).</summary>
public sealed class TagTests
{
    private static readonly ExpectOptions Short = new() { Timeout = TimeSpan.FromSeconds(2) };

    private static FakeRig GrubVariants() => new FakeRig()
        .Needle("grub-2.06", 100, 100, tags: ["grub"], workaround: true)
        .Needle("grub-2.12", 100, 300, tags: ["grub"])
        .Needle("login-prompt", 10, 10, tags: ["login"]);

    [Test]
    public async Task Tag_matches_whichever_variant_shows_and_names_it()
    {
        await using var rig = GrubVariants();
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("grub 2.12").WithNeedle("grub-2.12", 100, 300, 0.99).WithNeedle("grub-2.06", 100, 100, 0.40));

        var match = await hil.Screen.Tag("grub").WaitForAsync(Short);

        Assert.Multiple(() =>
        {
            Assert.That(match.Needle, Is.EqualTo("grub-2.12"));
            Assert.That(match.Bounds.Y, Is.EqualTo(300));
            Assert.That(match.Workaround, Is.Null);
            Assert.That(hil.Screen.Tag("grub").ToString(), Is.EqualTo("Tag('grub')"));
        });
    }

    [Test]
    public async Task A_workaround_needle_is_reported_as_a_known_issue_in_the_step()
    {
        await using var rig = GrubVariants();
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("grub 2.06").WithNeedle("grub-2.06", 100, 100, 0.99));

        var match = await hil.Screen.Tag("grub").WaitForAsync(Short);
        await hil.Expect(hil.Screen.Tag("grub")).ToBeVisibleAsync(Short with { AfterInputChange = false });

        var knownIssues = rig.Steps.Finished.SelectMany(f => f.Attachments).Where(a => a.Name == "known issue").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(match.Needle, Is.EqualTo("grub-2.06"));
            Assert.That(match.Workaround, Does.Contain("'grub-2.06'").And.Contain("workaround"));
            Assert.That(knownIssues, Has.Count.EqualTo(2), "the wait step and the expect step");
            Assert.That(System.Text.Encoding.UTF8.GetString(knownIssues[0].Content.Span), Does.Contain("grub-2.06"));
        });
    }

    [Test]
    public async Task AnyTag_waits_for_several_and_tells_which_matched()
    {
        await using var rig = GrubVariants();
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("login").WithNeedle("login-prompt", 10, 10, 0.98));

        var match = await hil.Screen.AnyTag("grub", "login").WaitForAsync(Short);

        Assert.Multiple(() =>
        {
            Assert.That(match.Needle, Is.EqualTo("login-prompt"));
            Assert.That(hil.Screen.AnyTag("grub", "login").ToString(), Is.EqualTo("AnyTag('grub', 'login')"));
        });
    }

    [Test]
    public async Task A_tag_no_needle_carries_or_a_shared_tag_as_a_name_is_a_clear_error()
    {
        await using var rig = GrubVariants();
        await using var hil = rig.Session();

        Assert.Multiple(() =>
        {
            Assert.That(() => hil.Screen.Tag("grbu"), Throws.ArgumentException.With.Message.Contains("'grub'"));
            Assert.That(() => hil.Screen.Needle("grub"), Throws.ArgumentException.With.Message.Contains("'grub-2.06'").And.Message.Contains("'grub-2.12'"));
            Assert.That(() => hil.Screen.AnyTag(), Throws.ArgumentException.With.Message.Contains("at least one tag"));
        });
    }

    [Test]
    public void The_better_match_is_a_found_one_then_the_higher_score()
    {
        static Imaging.MatchResult M(string name, bool found, double score) =>
            new(name, found, score, 0.9, System.Drawing.Rectangle.Empty, System.Drawing.Point.Empty, null);

        Assert.Multiple(() =>
        {
            Assert.That(NeedleQuery.Better(M("a", false, 0.89), M("b", true, 0.5)).NeedleName, Is.EqualTo("b"));
            Assert.That(NeedleQuery.Better(M("a", true, 0.95), M("b", true, 0.99)).NeedleName, Is.EqualTo("b"));
            Assert.That(NeedleQuery.Better(M("a", true, 0.99), M("b", true, 0.95)).NeedleName, Is.EqualTo("a"));
        });
    }
}
