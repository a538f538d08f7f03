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
            Id = NextId(),
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

    private long _lastStamp;

    /// <summary>
    /// Time-ordered and strictly increasing on this node (two records in one tick, or a clock set back, still sort in the
    /// order they were made): 16 hex digits of UTC ticks, then 16 random ones so nodes never collide.
    /// </summary>
    private string NextId()
    {
        var now = clock.GetUtcNow().UtcTicks;
        long previous, next;
        do
        {
            previous = Interlocked.Read(ref _lastStamp);
            next = Math.Max(now, previous + 1);
        }
        while (Interlocked.CompareExchange(ref _lastStamp, next, previous) != previous);

        return next.ToString("x16", System.Globalization.CultureInfo.InvariantCulture) + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
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
