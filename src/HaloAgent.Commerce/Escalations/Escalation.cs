namespace HaloAgent.Commerce.Escalations;

/// <summary>A chat handed to a human. While one is open for a contact, the agent stays quiet in that chat.</summary>
public sealed class Escalation
{
    public required string Id { get; set; }

    public required string BusinessId { get; set; }

    public required string ContactId { get; set; }

    /// <summary>Why: "customer asked for a person", "repeated misunderstanding", "low confidence", ...</summary>
    public required string Reason { get; set; }

    public EscalationStatus Status { get; set; }

    /// <summary>"agent", "customer", "owner".</summary>
    public required string OpenedBy { get; set; }

    public long OpenedAt { get; set; }

    public string? ResolvedBy { get; set; }

    public string? ResolutionNote { get; set; }

    public long? ResolvedAt { get; set; }
}
