namespace Openterface.Hil.NUnit;

/// <summary>
/// Runs each teardown step on its own: a step that throws does not skip the ones after it (the lease is always
/// released, QEMU always stopped), and every failure is reported together at the end.
/// </summary>
internal static class TeardownSteps
{
    internal static async Task RunAllAsync(params (string Name, Func<ValueTask> Step)[] steps)
    {
        List<Exception>? errors = null;
        foreach (var (name, step) in steps)
        {
            try
            {
                await step().ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Every step must run; the failures are rethrown together below.
            catch (Exception e)
#pragma warning restore CA1031
            {
                (errors ??= []).Add(new InvalidOperationException($"Teardown step '{name}' failed: {e.Message}", e));
            }
        }

        if (errors is { Count: 1 })
        {
            throw errors[0];
        }

        if (errors is not null)
        {
            throw new AggregateException($"{errors.Count} teardown steps failed: {string.Join("; ", errors.Select(e => e.Message))}", errors);
        }
    }
}
