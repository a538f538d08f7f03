using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace HaloAgent.Channels.WebChat;

/// <summary>
/// Limits conversation reads per address and per session (fixed one-minute windows). The address is counted before the
/// session is checked, so a flood of invented sessions is stopped by its address; the session after, so one stolen
/// session cannot be read faster than the page itself reads it.
/// </summary>
internal sealed class WebChatReadLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _addresses;
    private readonly PartitionedRateLimiter<string> _sessions;

    public WebChatReadLimiter(IOptionsMonitor<ChannelsOptions> options)
    {
        _addresses = PerMinute(() => options.CurrentValue.WebChat.ReadsPerMinute);
        _sessions = PerMinute(() => options.CurrentValue.WebChat.SessionReadsPerMinute);
    }

    /// <returns>Null when the read may go ahead; otherwise how long to wait.</returns>
    public TimeSpan? TryAddress(string address) => TryAcquire(_addresses, address);

    /// <inheritdoc cref="TryAddress"/>
    public TimeSpan? TrySession(string businessId, string sessionKey) => TryAcquire(_sessions, businessId + "/" + sessionKey);

    public void Dispose()
    {
        _addresses.Dispose();
        _sessions.Dispose();
    }

    private static TimeSpan? TryAcquire(PartitionedRateLimiter<string> limiter, string resource)
    {
        using var lease = limiter.AttemptAcquire(resource);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    /// <summary>
    /// The window every web chat limit uses (the endpoints' per-address policies too): <paramref name="permits"/> per
    /// minute for <paramref name="resource"/>, no queue. The limit is part of the key, so a changed setting takes effect.
    /// </summary>
    internal static RateLimitPartition<string> Partition(string resource, int permits)
    {
        var limit = Math.Max(1, permits);
        return RateLimitPartition.GetFixedWindowLimiter(
            $"{resource}:{limit}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    private static PartitionedRateLimiter<string> PerMinute(Func<int> permits) =>
        PartitionedRateLimiter.Create<string, string>(resource => Partition(resource, permits()));
}
