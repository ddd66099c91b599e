namespace Openterface.Hil.Farm.Tests;

public sealed class WaitQueueTests
{
    private static readonly FarmRig Pi1 = new("pi-1", "tcp://a:1", null, null, null, ["board=rpi4"]);
    private static readonly FarmRig Pi2 = new("pi-2", "tcp://a:2", null, null, null, ["board=rpi4", "usb-switch"]);
    private static readonly FarmRig Nuc = new("nuc", "tcp://a:3", null, null, null, ["board=nuc"]);

    [Test]
    public void Assign_gives_the_only_free_rig_to_the_earliest_waiter()
    {
        Guid first = Guid.NewGuid(), second = Guid.NewGuid();
        var waiters = new[] { new WaitQueue.Waiter(first, ["board=rpi4"]), new WaitQueue.Waiter(second, ["board=rpi4"]) };

        Assert.Multiple(() =>
        {
            Assert.That(WaitQueue.Assign(waiters, [Pi1], first), Is.EqualTo(Pi1));
            Assert.That(WaitQueue.Assign(waiters, [Pi1], second), Is.Null);
        });
    }

    [Test]
    public void Assign_does_not_let_a_waiter_for_other_tags_block_the_queue()
    {
        Guid wantsNuc = Guid.NewGuid(), wantsPi = Guid.NewGuid();
        var waiters = new[] { new WaitQueue.Waiter(wantsNuc, ["board=nuc"]), new WaitQueue.Waiter(wantsPi, ["board=rpi4"]) };

        Assert.Multiple(() =>
        {
            Assert.That(WaitQueue.Assign(waiters, [Pi1], wantsPi), Is.EqualTo(Pi1));
            Assert.That(WaitQueue.Assign(waiters, [Pi1], wantsNuc), Is.Null);
        });
    }

    [Test]
    public void Assign_matches_every_requested_tag_and_hands_out_each_rig_once()
    {
        Guid any = Guid.NewGuid(), switching = Guid.NewGuid(), third = Guid.NewGuid();
        var waiters = new[]
        {
            new WaitQueue.Waiter(any, ["board=rpi4"]),
            new WaitQueue.Waiter(switching, ["board=rpi4", "usb-switch"]),
            new WaitQueue.Waiter(third, []),
        };
        FarmRig[] free = [Pi1, Pi2, Nuc];

        Assert.Multiple(() =>
        {
            Assert.That(WaitQueue.Assign(waiters, free, any), Is.EqualTo(Pi1));
            Assert.That(WaitQueue.Assign(waiters, free, switching), Is.EqualTo(Pi2));
            Assert.That(WaitQueue.Assign(waiters, free, third), Is.EqualTo(Nuc));
        });
    }
}
