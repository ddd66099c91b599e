namespace Openterface.Hil;

/// <summary>Everything a connector opened, closed in reverse order; one failure does not stop the others.</summary>
internal sealed class RigLifetime : IAsyncDisposable
{
    private readonly Stack<object> _owned = new();

    public void Add(IAsyncDisposable item) => _owned.Push(item);

    public void Add(IDisposable item) => _owned.Push(item);

    public async ValueTask DisposeAsync()
    {
        List<Exception>? errors = null;
        while (_owned.TryPop(out var item))
        {
            try
            {
                if (item is IAsyncDisposable asyncDisposable)
                {
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                }
                else
                {
                    ((IDisposable)item).Dispose();
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                (errors ??= []).Add(e);
            }
        }

        if (errors is not null)
        {
            throw new AggregateException("Closing the rig failed.", errors);
        }
    }
}
