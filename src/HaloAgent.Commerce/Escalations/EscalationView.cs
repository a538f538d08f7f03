namespace HaloAgent.Commerce.Escalations;

public sealed record EscalationView(
    string Id,
    string BusinessId,
    string ContactId,
    string Reason,
    EscalationStatus Status,
    string OpenedBy,
    long OpenedAt,
    string? ResolvedBy,
    string? ResolutionNote,
    long? ResolvedAt)
{
    internal static EscalationView From(Escalation e) =>
        new(e.Id, e.BusinessId, e.ContactId, e.Reason, e.Status, e.OpenedBy, e.OpenedAt, e.ResolvedBy, e.ResolutionNote, e.ResolvedAt);
}
