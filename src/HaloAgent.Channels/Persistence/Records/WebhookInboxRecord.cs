namespace HaloAgent.Channels.Persistence.Records;

/// <summary>
/// A webhook exactly as it arrived (raw bytes, signature already checked), stored before it is answered. It doubles as
/// its queue entry: <see cref="NextAttemptAt"/> is when a processor may claim it (a claim pushes it out by a lease).
/// </summary>
public sealed class WebhookInboxRecord
{
    public required string Id { get; set; }

    /// <summary><c>whatsapp</c>, <c>twilio</c> or <c>webchat</c>.</summary>
    public required string Provider { get; set; }

    /// <summary>Bytes, not text: a malformed body (even one that is not UTF-8) is kept as sent.</summary>
    public required byte[] Body { get; set; }

    /// <summary><c>pending</c>, <c>processed</c> (possibly with a note in <see cref="Error"/>) or <c>dead</c> (a dead letter, the reason in <see cref="Error"/>).</summary>
    public required string Status { get; set; }

    public long ReceivedAt { get; set; }

    public long NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public long? ProcessedAt { get; set; }

    public string? Error { get; set; }

    /// <summary>When retention emptied <see cref="Body"/> (the row stays for its id, status and reason).</summary>
    public long? PrunedAt { get; set; }

    /// <summary>The W3C <c>traceparent</c> of the request that stored it (null while nobody traces).</summary>
    public string? TraceParent { get; set; }
}
