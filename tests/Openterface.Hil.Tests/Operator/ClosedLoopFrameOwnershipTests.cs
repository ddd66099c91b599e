using System.Reflection;
using Openterface.Hil.Tests.Fakes;
using Openterface.Hil.Video;

namespace Openterface.Hil.Tests.Operator;

/// <summary>
/// Issue 14 finding 10: closed-loop typing disposed its read-back frame in the correction loop and again in its
/// finally when the next read-back threw, releasing a reference that belonged to the live video's latest frame.
/// </summary>
public sealed class ClosedLoopFrameOwnershipTests
{
    [Test]
    public async Task A_read_back_that_fails_after_a_correction_leaves_the_videos_latest_frame_owned_by_the_video()
    {
        await using var rig = new FakeRig();
        var hil = rig.Session();
        rig.Video.Show(new Scene("form"));
        _ = rig.Video.Emit();
        // No field: the typed text never changes the screen, so the first read-back times out and reads the video's
        // latest frame itself (a share of it), finds nothing, and retypes; the next read-back meets a capture fault.
        var typed = 0;
        rig.Input.OnInput = action =>
        {
            if (action.StartsWith("type ", StringComparison.Ordinal) && ++typed == 2)
            {
                rig.Video.Fault = new VideoException("Capture stalled (test).", isRigFault: true);
            }
        };

        var failure = Assert.CatchAsync(() => hil.Keyboard.TypeAsync(
            "abc", new TypeOptions { VerifyIn = hil.Screen.Region(90, 90, 400, 40), VerifyTimeout = TimeSpan.FromSeconds(2) }));
        using var latest = rig.Video.TryGetLatest();
        // The session lets go of every frame it holds, and its rig (the fake video) of its latest frame.
        await hil.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(typed, Is.EqualTo(2), "one correction was typed before the read-back failed");
            Assert.That(failure, Is.TypeOf<RigFaultException>().With.Message.Contains("Capture stalled (test)"));
            Assert.That(latest, Is.Not.Null);
            Assert.That(Owners(latest!), Is.EqualTo(1), "owners of the latest frame's pixels: only this test's share is left");
            Assert.That(latest!.Pixels.Length, Is.EqualTo(latest.Width * latest.Height), "its pixels are still readable");
        });
    }

    /// <summary>Owners of a frame's pixel storage (Imaging keeps the count internal).</summary>
    private static int Owners(Frame frame)
    {
        const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;
        var storage = typeof(Frame).GetField("_storage", Private)!.GetValue(frame)!;
        return (int)storage.GetType().GetField("_owners", Private)!.GetValue(storage)!;
    }
}
