namespace HaloAgent.Channels;

/// <summary><c>HaloAgent:Channels:Outbox</c>: sending queued messages.</summary>
public sealed class OutboxOptions
{
    /// <summary>Messages claimed per batch (at most one per recipient, so a conversation stays in order).</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Concurrent Graph calls within a batch.</summary>
    public int Concurrency { get; set; } = 16;

    /// <summary>Attempts (Graph calls) before a message that keeps failing transiently is marked failed.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>First retry delay; doubles per attempt up to <see cref="RetryMaxDelay"/> (no jitter, so retries are predictable).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a claim holds a message; longer than a Graph call can take, so a live send is never re-sent.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
}
