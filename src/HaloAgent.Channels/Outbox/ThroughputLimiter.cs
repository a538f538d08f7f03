using HaloAgent.Channels.WhatsApp;
using Microsoft.Extensions.Options;

namespace HaloAgent.Channels.Outbox;

/// <summary>
/// Token bucket per business phone number: <c>WhatsApp:MessagesPerSecond</c> tokens a second, holding at most one
/// second's worth (so a quiet number may burst to its rate, never beyond). Per node: with N nodes sending for the same
/// number, configure rate / N. Time comes from the injected clock, so tests drive it without sleeping.
/// </summary>
internal sealed class ThroughputLimiter(TimeProvider clock, IOptionsMonitor<WhatsAppOptions> options)
{
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Takes a token: <see cref="TimeSpan.Zero"/> when one was available, else how long until one will be.</summary>
    public TimeSpan TryAcquire(string phoneNumberId)
    {
        var rate = Math.Max(0.001, options.CurrentValue.MessagesPerSecond);
        var capacity = Math.Max(1, rate);
        var now = clock.GetUtcNow();
        lock (_buckets)
        {
            if (!_buckets.TryGetValue(phoneNumberId, out var bucket))
            {
                bucket = _buckets[phoneNumberId] = new Bucket { Tokens = capacity, At = now };
            }

            bucket.Tokens = Math.Min(capacity, bucket.Tokens + (now - bucket.At).TotalSeconds * rate);
            bucket.At = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                return TimeSpan.Zero;
            }

            return TimeSpan.FromSeconds((1 - bucket.Tokens) / rate);
        }
    }

    private sealed class Bucket
    {
        public double Tokens;
        public DateTimeOffset At;
    }
}
