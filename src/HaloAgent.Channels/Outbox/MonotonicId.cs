using System.Security.Cryptography;

namespace HaloAgent.Channels.Outbox;

/// <summary>
/// Row ids that sort in creation order within a process, even within one millisecond (Guid v7 does not promise that):
/// the outbox breaks created_at ties by id, so two replies queued by one step go out in the order they were written.
/// </summary>
internal static class MonotonicId
{
    private static long _sequence;

    public static string Next()
    {
        var milliseconds = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var sequence = (ulong)Interlocked.Increment(ref _sequence);
        Span<byte> random = stackalloc byte[4];
        RandomNumberGenerator.Fill(random);
        return $"{milliseconds:x12}{sequence & 0xFFFFFFFFFFFF:x12}{Convert.ToHexStringLower(random)}";
    }
}
