using System.Collections.Concurrent;
using NUnit.Framework.Interfaces;
using Openterface.Hil.Reporting;

namespace Openterface.Hil.NUnit;

/// <summary>
/// Runs once the whole assembly has finished: writes a result for every test NUnit reported but that never started
/// (ignored tests, children of a fixture whose one-time set-up failed), and one container per fixture listing its
/// tests, with the one-time set-up as a "before" when it failed.
/// </summary>
internal static class FixtureSweep
{
    internal static void Write(AllureRun run, ITestResult assemblyResult, ConcurrentDictionary<string, string> written)
    {
        foreach (var fixture in Fixtures(assemblyResult))
        {
            var children = new List<string>();
            foreach (var leaf in Leaves(fixture))
            {
                if (!written.TryGetValue(leaf.Test.Id, out var uuid))
                {
                    uuid = WriteNeverStarted(run, leaf);
                    written[leaf.Test.Id] = uuid;
                }

                children.Add(uuid);
            }

            if (children.Count == 0)
            {
                continue;
            }

            var container = new AllureContainer
            {
                Uuid = Guid.NewGuid().ToString("D"),
                Name = fixture.Test.FullName,
                Children = children,
                Start = Epoch(fixture.StartTime),
                Stop = Epoch(fixture.EndTime),
            };
            if (fixture.ResultState.Site == FailureSite.SetUp)
            {
                var (status, message) = NUnitOutcome.Map(fixture.ResultState, fixture.Message, fixture.StackTrace);
                container.Befores.Add(new AllureFixtureResult
                {
                    Name = "OneTimeSetUp",
                    Status = status,
                    StatusDetails = new AllureStatusDetails { Message = message, Trace = fixture.StackTrace },
                    Start = container.Start,
                    Stop = container.Start,
                });
            }

            run.Writer.WriteContainer(container);
        }
    }

    private static string WriteNeverStarted(AllureRun run, ITestResult leaf)
    {
        var testCase = new AllureTestCase(run.Writer, NUnitTestDescriber.Describe(leaf.Test), new FixedTime(leaf.StartTime));
        var (status, message) = NUnitOutcome.Map(leaf.ResultState, leaf.Message, leaf.StackTrace);
        testCase.Finish(status, message, string.IsNullOrWhiteSpace(leaf.StackTrace) ? null : leaf.StackTrace);
        return testCase.Result.Uuid;
    }

    private static IEnumerable<ITestResult> Fixtures(ITestResult result)
    {
        if (result.Test.IsSuite && result.Test.TestType is "TestFixture")
        {
            yield return result;
        }

        foreach (var child in result.Children.Where(c => c.Test.IsSuite))
        {
            foreach (var fixture in Fixtures(child))
            {
                yield return fixture;
            }
        }
    }

    private static IEnumerable<ITestResult> Leaves(ITestResult result)
    {
        foreach (var child in result.Children)
        {
            if (!child.Test.IsSuite)
            {
                yield return child;
            }
            else if (child.Test.TestType is not "TestFixture")
            {
                foreach (var leaf in Leaves(child))
                {
                    yield return leaf;
                }
            }
        }
    }

    private static long Epoch(DateTime utc) =>
        utc == default ? 0 : new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    private sealed class FixedTime(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
    }
}
