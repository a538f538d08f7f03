namespace HaloAgent.Server.Audit;

/// <summary>
/// One thing a person did in a business (an owner or an agent, through the dashboard or the API): who, what, when,
/// to what, and the state before and after as JSON. Written after the change succeeded; never updated.
/// </summary>
public sealed class AuditRecord
{
    /// <summary>UTC ticks then random digits (see <see cref="AuditLogService"/>): ordered by time, so "newest first" is an index scan.</summary>
    public required string Id { get; set; }

    public required string BusinessId { get; set; }

    /// <summary>The user's e-mail at the time (the user may be removed later).</summary>
    public required string Actor { get; set; }

    public string? ActorId { get; set; }

    public string? ActorRole { get; set; }

    /// <summary>What was done, as <c>area.verb</c> (see <see cref="AuditActions"/>).</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to: order, payment, contact, user, conversation, settings, session.</summary>
    public string? TargetType { get; set; }

    public string? TargetId { get; set; }

    /// <summary>JSON of the state before (null when there was none or it does not apply).</summary>
    public string? Before { get; set; }

    /// <summary>JSON of the state after.</summary>
    public string? After { get; set; }

    public long CreatedAt { get; set; }
}
