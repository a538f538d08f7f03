using System.Security.Claims;
using HaloAgent.Server.Auth;

namespace HaloAgent.Server.Audit;

/// <summary>Records what owners and agents do (see <see cref="AuditRecord"/>) and reads it back for the owner.</summary>
public interface IAuditLog
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The business's records, newest first; <paramref name="action"/> is one action or a family (<c>payment</c>).</summary>
    Task<AuditPage> ListAsync(string businessId, string? action, int skip, int take, CancellationToken cancellationToken);
}

/// <summary>What to record: the actor comes from the signed-in user (<see cref="AuditLogExtensions"/>).</summary>
public sealed record AuditEntry(
    string BusinessId, string Actor, string? ActorId, string? ActorRole, string Action, string? TargetType, string? TargetId, object? Before, object? After);

public sealed record AuditPage(IReadOnlyList<AuditItem> Items, int Skip, int Take, bool HasMore);

/// <summary>One record as the API returns it: before and after as JSON values, not strings.</summary>
public sealed record AuditItem(
    string Id, DateTimeOffset At, string Actor, string? ActorRole, string Action, string? TargetType, string? TargetId,
    System.Text.Json.JsonElement? Before, System.Text.Json.JsonElement? After);

public static class AuditLogExtensions
{
    /// <summary>Records an action of the signed-in user in their business.</summary>
    public static Task RecordAsync(
        this IAuditLog log, ClaimsPrincipal user, string action, string? targetType, string? targetId, object? before, object? after, CancellationToken cancellationToken) =>
        log.RecordAsync(
            new AuditEntry(user.BusinessId(), user.Actor(), user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue(ClaimTypes.Role), action, targetType, targetId, before, after),
            cancellationToken);
}
