using System.Globalization;
using System.Security.Cryptography;

namespace HaloAgent.Channels.Outbox;

/// <summary>
/// Row ids that sort in creation order within a process, even within one millisecond (Guid v7 does not promise that):
/// the outbox breaks created_at ties by id, so two replies queued by one step go out in the order they were written.
/// The id starts with the queuing node's wall-clock milliseconds (12 hex digits), so ids also compare as text by time.
/// </summary>
internal static class MonotonicId
{
    private const int TimeDigits = 12;

    private static long _sequence;

    public static string Next()
    {
        var milliseconds = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var sequence = (ulong)Interlocked.Increment(ref _sequence);
        Span<byte> random = stackalloc byte[4];
        RandomNumberGenerator.Fill(random);
        return $"{milliseconds:x12}{sequence & 0xFFFFFFFFFFFF:x12}{Convert.ToHexStringLower(random)}";
    }

    /// <summary>The lowest id a node could have made at or after <paramref name="at"/> (compare as text: <c>id &gt;= floor</c>).</summary>
    public static string Floor(DateTimeOffset at) =>
        Math.Max(0, at.ToUnixTimeMilliseconds()).ToString("x12", CultureInfo.InvariantCulture);

    /// <summary>When the id was made, or null when it does not start with a time stamp.</summary>
    public static DateTimeOffset? TimeOf(string id) =>
        id.Length >= TimeDigits
        && long.TryParse(id.AsSpan(0, TimeDigits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var milliseconds)
        && milliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : null;
}
