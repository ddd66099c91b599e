using Openterface.Hil.Reporting;

namespace Openterface.Hil.NUnit.TestData;

/// <summary>Child processes that the tests kill with SIGKILL.</summary>
internal static class ChildModes
{
    public static async Task<int> HoldLeaseAsync(string leaseDirectory, string rig)
    {
        var pool = new DevicePool([new RigSettings(rig, "/dev/null")], leaseDirectory, TimeSpan.FromHours(1));
        await using var lease = await pool.LeaseAsync("child holding the rig", TimeSpan.Zero);
        Console.WriteLine($"LEASED {Environment.ProcessId}");
        await Task.Delay(Timeout.InfiniteTimeSpan);
        return 0;
    }

    public static int WriteResults(string resultsDirectory)
    {
        var writer = new AllureResultsWriter(resultsDirectory);
        var payload = new byte[64 * 1024];
        for (var i = 0; ; i++)
        {
            var test = new AllureTestCase(writer,
                new AllureTestDescription($"Result {i}", $"Kill.Test.Result_{i}", $"Kill.Test.Result_{i}", [new AllureLabel("suite", "Kill")], [], []),
                TimeProvider.System);
            for (var s = 0; s < 50; s++)
            {
                var step = new StepInfo(s, null, $"Step {s} with a long name to make the JSON bigger {new string('x', 200)}", StepKind.Action,
                    new Dictionary<string, string> { ["n"] = s.ToString(System.Globalization.CultureInfo.InvariantCulture) }, DateTimeOffset.UnixEpoch);
                test.Listener.OnStepStarted(step);
                test.Listener.OnStepFinished(step, new StepOutcome(StepStatus.Passed, DateTimeOffset.UnixEpoch, null, null, []));
            }

            test.Attach("Payload", "application/octet-stream", "bin", payload);
            test.Finish(AllureStatus.Passed);
            if (i == 0)
            {
                Console.WriteLine("WRITING");
            }
        }
    }
}
