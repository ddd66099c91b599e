using Openterface.Hil.Tests.Fakes;

namespace Openterface.Hil.Tests.Operator;

public sealed class NeedleDecisionTests
{
    [Test]
    public async Task A_passed_needle_wait_tells_the_observer_the_score_it_passed_on()
    {
        var observer = new Decisions();
        await using var rig = new FakeRig().Needle("grub-menu", 12, 40);
        await using var hil = rig.Session(o => o with { NeedleObserver = observer });
        rig.Video.Show(new Scene("bios"));
        rig.Video.Emit();
        rig.Input.React("enter", TimeSpan.FromMilliseconds(450), new Scene("grub").WithNeedle("grub-menu", 12, 40, 0.97));

        await hil.Keyboard.PressAsync("enter");
        await hil.Expect(hil.Screen.Needle("grub-menu")).ToBeVisibleAsync();

        Assert.That(observer.Seen, Is.EqualTo(new[] { new NeedleDecision("grub-menu", 0.97, 0.95, true, 1024, 768) }));
    }

    [Test]
    public async Task A_timed_out_needle_wait_tells_the_observer_its_closest_score_once()
    {
        var observer = new Decisions();
        await using var rig = new FakeRig().Needle("grub-menu", 12, 40);
        await using var hil = rig.Session(o => o with { NeedleObserver = observer });
        rig.Video.Show(new Scene("before"));
        rig.Video.Emit();
        rig.Input.React("enter", TimeSpan.FromMilliseconds(50), new Scene("close").WithNeedle("grub-menu", 12, 40, 0.81));

        await hil.Keyboard.PressAsync("enter");
        rig.Video.ShowAfter(TimeSpan.FromMilliseconds(250), new Scene("closer").WithNeedle("grub-menu", 12, 40, 0.79));
        Assert.ThrowsAsync<ExpectationFailedException>(() =>
            hil.Expect(hil.Screen.Needle("grub-menu")).ToBeVisibleAsync(new ExpectOptions { Timeout = TimeSpan.FromSeconds(1) }));

        Assert.That(observer.Seen, Is.EqualTo(new[] { new NeedleDecision("grub-menu", 0.81, 0.95, false, 1024, 768) }));
    }

    [Test]
    public async Task A_text_wait_is_no_needle_decision()
    {
        var observer = new Decisions();
        await using var rig = new FakeRig();
        await using var hil = rig.Session(o => o with { NeedleObserver = observer });
        rig.Video.Show(new Scene("login").WithText("login:", 10, 10));
        rig.Video.Emit();

        await hil.Expect(hil.Screen.Text("login:")).ToBeVisibleAsync(new ExpectOptions { Timeout = TimeSpan.FromSeconds(1) });

        Assert.That(observer.Seen, Is.Empty);
    }

    private sealed class Decisions : INeedleDecisionObserver
    {
        public List<NeedleDecision> Seen { get; } = [];

        public void OnNeedleDecision(NeedleDecision decision) => Seen.Add(decision);
    }
}
