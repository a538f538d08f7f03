using System.Collections.Concurrent;

namespace HaloAgent.Marketing.Broadcasts;

/// <summary>
/// A token bucket per business number: up to one second of sends at once, then <c>sendsPerSecond</c>. Real time, not the
/// business clock: a rate is a physical limit at Meta, and a test's stopped clock must not stop the sending.
/// </summary>
public sealed class SendPacer(TimeProvider realTime)
{
    private readonly ConcurrentDictionary<string, Bucket> buckets = new(StringComparer.Ordinal);

    /// <summary>Takes up to <paramref name="wanted"/> sends; 0 when the bucket is empty (then <see cref="Wait"/> says for how long).</summary>
    public int Take(string businessId, int wanted, double sendsPerSecond)
    {
        var bucket = buckets.GetOrAdd(businessId, _ => new Bucket(realTime.GetTimestamp(), Math.Max(1, sendsPerSecond)));
        lock (bucket)
        {
            bucket.Refill(realTime, Math.Max(0.1, sendsPerSecond));
            var taken = (int)Math.Min(wanted, Math.Floor(bucket.Tokens));
            bucket.Tokens -= taken;
            return taken;
        }
    }

    /// <summary>How long until one more send is allowed.</summary>
    public static TimeSpan Wait(double sendsPerSecond) => TimeSpan.FromSeconds(1 / Math.Max(0.1, sendsPerSecond));

    private sealed class Bucket(long at, double tokens)
    {
        public double Tokens { get; set; } = tokens;

        private long at = at;

        public void Refill(TimeProvider time, double rate)
        {
            var now = time.GetTimestamp();
            Tokens = Math.Min(Math.Max(1, rate), Tokens + time.GetElapsedTime(at, now).TotalSeconds * rate);
            at = now;
        }
    }
}
