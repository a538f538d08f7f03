using System.Text.RegularExpressions;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Integrations.Webhooks;
using HaloAgent.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Integrations.Triggers;

/// <summary>A business's incoming triggers. Names become event names (<c>hook.{name}</c>), so they follow the event-name rule.</summary>
public sealed partial class TriggerStore(IDbContextFactory<IntegrationsDbContext> databases, SqlDialect dialect, IntegrationSecrets secrets, TimeProvider clock)
{
    public const string EventPrefix = "hook.";
    public const int MaxTriggersPerBusiness = 50;

    public static string EventName(string name) => EventPrefix + name;

    public async Task<IReadOnlyList<IncomingTrigger>> ListAsync(string businessId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Triggers.AsNoTracking().Where(t => t.BusinessId == businessId).OrderBy(t => t.Name).ToListAsync(cancellationToken);
    }

    public async Task<IncomingTrigger?> FindByNameAsync(string businessId, string name, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Triggers.AsNoTracking().SingleOrDefaultAsync(t => t.BusinessId == businessId && t.Name == name, cancellationToken);
    }

    /// <summary>Creates the trigger; the clear secret is returned this once (stored encrypted).</summary>
    public async Task<(IncomingTrigger Trigger, string Secret)> CreateAsync(string businessId, string? name, CancellationToken cancellationToken)
    {
        name = name?.Trim() ?? "";
        if (name.Length > 64 || !NamePattern().IsMatch(name))
        {
            throw new IntegrationInputException(new() { ["name"] = ["A trigger name is 1 to 64 lower-case letters, digits, '-' or '_' (e.g. new-lead), starting and ending with a letter or digit."] });
        }

        using var gate = await dialect.EnterWriteAsync(cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.Triggers.AnyAsync(t => t.BusinessId == businessId && t.Name == name, cancellationToken))
        {
            throw new IntegrationInputException(new() { ["name"] = [$"There is already a trigger '{name}'."] });
        }

        if (await db.Triggers.CountAsync(t => t.BusinessId == businessId, cancellationToken) >= MaxTriggersPerBusiness)
        {
            throw new IntegrationInputException(new() { ["name"] = [$"A business may have at most {MaxTriggersPerBusiness} triggers."] });
        }

        var secret = WebhookSignature.NewSecret();
        var trigger = new IncomingTrigger
        {
            Id = RowIds.New(), BusinessId = businessId, Name = name, Secret = secrets.Protect(secret), CreatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        db.Triggers.Add(trigger);
        await db.SaveChangesAsync(cancellationToken);
        return (trigger, secret);
    }

    public async Task<bool> DeleteAsync(string businessId, string id, CancellationToken cancellationToken)
    {
        using var gate = await dialect.EnterWriteAsync(cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Triggers.Where(t => t.Id == id && t.BusinessId == businessId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    public async Task TouchAsync(string id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        using var gate = await dialect.EnterWriteAsync(cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Triggers.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
    }

    // The engine's event-name rule for one segment, so hook.{name} is a name a Start node accepts.
    [GeneratedRegex("^[a-z0-9]+(?:[_-][a-z0-9]+)*$")]
    private static partial Regex NamePattern();
}
