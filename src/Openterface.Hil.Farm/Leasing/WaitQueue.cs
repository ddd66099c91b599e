namespace Openterface.Hil.Farm;

/// <summary>
/// First come, first served: walks the live waiters in arrival order and hands each the first free rig that carries
/// its tags. A waiter whose tags no free rig matches does not block later waiters with other tags, but a later waiter
/// never takes a rig an earlier waiter could use.
/// </summary>
internal static class WaitQueue
{
    public sealed record Waiter(Guid Id, IReadOnlyList<string> Tags);

    /// <summary>The rig <paramref name="me"/> may take now, or null when it must keep waiting.</summary>
    public static FarmRig? Assign(IReadOnlyList<Waiter> waitersInArrivalOrder, IReadOnlyList<FarmRig> freeRigs, Guid me)
    {
        var available = freeRigs.ToList();
        foreach (var waiter in waitersInArrivalOrder)
        {
            var index = available.FindIndex(r => r.HasTags(waiter.Tags));
            if (waiter.Id == me)
            {
                return index < 0 ? null : available[index];
            }

            if (index >= 0)
            {
                available.RemoveAt(index);
            }
        }

        return null;
    }
}
