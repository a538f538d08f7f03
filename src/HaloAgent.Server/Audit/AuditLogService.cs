using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HaloAgent.Server.Audit;

/// <summary>The audit log on its own table. Before/after are serialised with the API's JSON settings, so they read like the API's answers.</summary>
public sealed class AuditLogService(IDbContextFactory<AuditDbContext> factory, TimeProvider clock, IOptions<JsonOptions> json) : IAuditLog
{
    /// <summary>A before/after larger than this is cut (a CSV import's report can be long): the log stays small and readable.</summary>
    internal const int MaxJsonChars = 16_000;

    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Records.Add(new AuditRecord
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()).ToString("N"),
            BusinessId = entry.BusinessId,
            Actor = entry.Actor,
            ActorId = entry.ActorId,
            ActorRole = entry.ActorRole,
            Action = entry.Action,
            TargetType = entry.TargetType,
            TargetId = entry.TargetId,
            Before = Serialize(entry.Before),
            After = Serialize(entry.After),
            CreatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<AuditPage> ListAsync(string businessId, string? action, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.Records.AsNoTracking().Where(r => r.BusinessId == businessId);
        if (!string.IsNullOrEmpty(action))
        {
            var family = action + ".";
            query = query.Where(r => r.Action == action || r.Action.StartsWith(family));
        }

        var rows = await query.OrderByDescending(r => r.Id).Skip(skip).Take(take + 1).ToListAsync(cancellationToken);
        var items = rows.Take(take).Select(r => new AuditItem(
            r.Id, DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAt), r.Actor, r.ActorRole, r.Action, r.TargetType, r.TargetId, Parse(r.Before), Parse(r.After))).ToList();
        return new AuditPage(items, skip, take, rows.Count > take);
    }

    private string? Serialize(object? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions);
        return text.Length <= MaxJsonChars ? text : JsonSerializer.Serialize(new { truncated = true, preview = text[..MaxJsonChars] }, json.Value.SerializerOptions);
    }

    private static JsonElement? Parse(string? text) => text is null ? null : JsonDocument.Parse(text).RootElement.Clone();
}
