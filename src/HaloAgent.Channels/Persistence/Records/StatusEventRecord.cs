namespace HaloAgent.Channels.Persistence.Records;

/// <summary>One delivery report, unique per (wamid, status): a redelivered report is recognised and applied once.</summary>
public sealed class StatusEventRecord
{
    public required string Wamid { get; set; }

    public required string Status { get; set; }

    public long OccurredAt { get; set; }

    public string? RecipientId { get; set; }

    public int? ErrorCode { get; set; }

    public string? ErrorTitle { get; set; }

    public string? BizOpaqueCallbackData { get; set; }

    public long ReceivedAt { get; set; }

    public required string InboxId { get; set; }
}
