using System.Globalization;
using Openterface.Hil.NUnit;

[assembly: HilAllure]

namespace Openterface.Hil.Farm.TestData;

/// <summary>Three tests that each lease a simulated rig tagged sim=console from the farm, look at it, and hold it a while.</summary>
[TestFixture]
[Category("Shared")]
[RequiresDevice("sim=console")]
public sealed class SharedRigTests : HilTest
{
    private static readonly ExpectOptions Patient = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>How long each test keeps its rig (FARM_TEST_HOLD seconds), so that runners queue for the rigs.</summary>
    private static TimeSpan Hold => TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("FARM_TEST_HOLD") ?? "5", CultureInfo.InvariantCulture));

    [Test]
    public Task Shows_the_login_prompt_first() => ShowsTheLoginPromptAsync();

    [Test]
    public Task Shows_the_login_prompt_second() => ShowsTheLoginPromptAsync();

    [Test]
    public Task Shows_the_login_prompt_third() => ShowsTheLoginPromptAsync();

    private async Task ShowsTheLoginPromptAsync()
    {
        await Expect(Screen.Needle("console-login")).ToBeVisibleAsync(Patient);
        await Task.Delay(Hold);
        await Expect(Screen.Needle("console-login")).ToBeVisibleAsync(Patient);
    }
}

/// <summary>A test that takes a rig and keeps it until its runner is killed.</summary>
[TestFixture]
[Category("Hog")]
[RequiresDevice("sim=console")]
public sealed class HogTests : HilTest
{
    [Test]
    public async Task Holds_its_rig_until_killed()
    {
        await Expect(Screen.Needle("console-login")).ToBeVisibleAsync(new() { Timeout = TimeSpan.FromSeconds(60) });
        await Task.Delay(Timeout.InfiniteTimeSpan, TestContext.CurrentContext.CancellationToken);
    }
}

/// <summary>A test that keeps its rig for FARM_TEST_HOLD seconds and passes, unless its lease is taken away meanwhile.</summary>
[TestFixture]
[Category("Lost")]
[RequiresDevice("sim=console")]
public sealed class LostLeaseTests : HilTest
{
    [Test]
    public async Task Holds_its_rig_for_a_while()
    {
        await Expect(Screen.Needle("console-login")).ToBeVisibleAsync(new() { Timeout = TimeSpan.FromSeconds(60) });
        await Task.Delay(TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("FARM_TEST_HOLD") ?? "5", CultureInfo.InvariantCulture)));
    }
}
