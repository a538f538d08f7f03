namespace HaloAgent.Channels;

/// <summary><c>HaloAgent:Channels:Inbox</c>: processing of stored webhook events.</summary>
public sealed class InboxOptions
{
    /// <summary>Webhook events claimed per batch.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Customers whose messages are handed off at the same time (each customer's own messages stay in order).</summary>
    public int Concurrency { get; set; } = 16;

    /// <summary>Attempts before an event that keeps failing is marked failed (kept, with its error, for an operator).</summary>
    public int MaxAttempts { get; set; } = 10;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a claim holds an event; a node that dies mid-batch frees its events after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
}
