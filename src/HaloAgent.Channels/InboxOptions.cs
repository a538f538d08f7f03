namespace HaloAgent.Channels;

/// <summary><c>HaloAgent:Channels:Inbox</c>: processing of stored webhook events.</summary>
public sealed class InboxOptions
{
    /// <summary>Webhook events claimed per batch.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Customers whose messages are handed off at the same time (each customer's own messages stay in order).</summary>
    public int Concurrency { get; set; } = 16;

    /// <summary>Attempts before an event whose processing keeps failing (database, timeouts) is dead-lettered with its last error (poison is dead-lettered at the first).</summary>
    public int MaxAttempts { get; set; } = 10;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// While webhook acks are slow (the machine is saturated), processing goes one message at a time and each waits at
    /// most this long for a moment with no ack in flight (acks come first; see <c>AckPriority</c>). Zero turns it off.
    /// </summary>
    public TimeSpan YieldToAcks { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a claim holds an event; a node that dies mid-batch frees its events after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
}
