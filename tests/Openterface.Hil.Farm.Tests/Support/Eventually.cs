namespace Openterface.Hil.Farm.Tests;

/// <summary>Polls a condition against the database until it holds or the deadline passes (then fails with the last state).</summary>
internal static class Eventually
{
    public static async Task<T> HoldsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan deadline, string what)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var value = await probe();
            if (condition(value))
            {
                return value;
            }

            if (TimeProvider.System.GetElapsedTime(started) > deadline)
            {
                Assert.Fail($"{what} did not happen within {deadline.TotalSeconds}s (last: {value}).");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }
    }
}
