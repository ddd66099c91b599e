using System.Globalization;
using System.Text.Json;

namespace Openterface.Hil.NUnit;

/// <summary>The lease file next to a rig's lock: who holds the rig and until when.</summary>
internal sealed record LeaseRecord(
    string Rig,
    int Pid,
    string? ProcessStart,
    string Host,
    string? Test,
    DateTimeOffset AcquiredAt,
    DateTimeOffset ExpiresAt)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>The lease in a file, or null when the file is missing or unreadable (a torn file is no lease).</summary>
    public static LeaseRecord? TryRead(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<LeaseRecord>(File.ReadAllBytes(path), Json);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public string Describe() =>
        $"held by pid {Pid} on host '{Host}'{(Test is null ? string.Empty : $" (test '{Test}')")} since {AcquiredAt.ToString("u", CultureInfo.InvariantCulture)}, lease until {ExpiresAt.ToString("u", CultureInfo.InvariantCulture)}";

    /// <summary>Stale when expired, or when its process (on this host) is gone or was replaced by a new one.</summary>
    public bool IsStale(DateTimeOffset now, string thisHost)
    {
        if (now >= ExpiresAt)
        {
            return true;
        }

        return string.Equals(Host, thisHost, StringComparison.Ordinal) && !ProcessIdentity.IsAlive(Pid, ProcessStart);
    }
}

/// <summary>A process id plus its start time (from /proc on Linux), so a recycled pid is not mistaken for the holder.</summary>
internal static class ProcessIdentity
{
    public static string? StartTimeOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Field 22 (starttime) counts from after the ')' that closes the command name.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 19 ? fields[19] : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static bool IsAlive(int pid, string? startTime)
    {
        if (OperatingSystem.IsLinux())
        {
            var current = StartTimeOf(pid);
            return current is not null && (startTime is null || string.Equals(current, startTime, StringComparison.Ordinal));
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
