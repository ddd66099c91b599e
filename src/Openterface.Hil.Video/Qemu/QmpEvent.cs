using System.Text.Json;

namespace Openterface.Hil.Video;

/// <summary>
/// An asynchronous QMP event ("RESET", "SHUTDOWN", "DEVICE_DELETED", ...), numbered in arrival order per client.
/// <see cref="Data"/> is a detached copy (safe to keep).
/// </summary>
public sealed record QmpEvent(long Sequence, string Name, JsonElement Data, DateTimeOffset Timestamp);
