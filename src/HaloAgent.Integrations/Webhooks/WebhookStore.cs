using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Integrations.Http;
using HaloAgent.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HaloAgent.Integrations.Webhooks;

public sealed record WebhookInput(string? Url, IReadOnlyList<string>? Events, bool? Active);

/// <summary>Input refused, with the errors per field (shown as a validation problem).</summary>
public sealed class IntegrationInputException(Dictionary<string, string[]> errors) : Exception("The input is not valid.")
{
    public Dictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>A business's webhook subscriptions, their deliveries and re-sends; every read and change is scoped to the business.</summary>
public sealed class WebhookStore(
    IDbContextFactory<IntegrationsDbContext> databases, SqlDialect dialect, IOptionsMonitor<IntegrationsOptions> options, WebhookSignal signal,
    IntegrationSecrets secrets, TimeProvider clock)
{
    public const int MaxSubscriptionsPerBusiness = 20;

    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(string businessId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Webhooks.AsNoTracking().Where(w => w.BusinessId == businessId).OrderBy(w => w.CreatedAt).ToListAsync(cancellationToken);
    }

    public async Task<WebhookSubscription?> FindAsync(string businessId, string id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Webhooks.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id && w.BusinessId == businessId, cancellationToken);
    }

    /// <summary>Creates the webhook; the clear secret is returned this once (stored encrypted).</summary>
    public async Task<(WebhookSubscription Webhook, string Secret)> CreateAsync(string businessId, WebhookInput input, CancellationToken cancellationToken)
    {
        var (url, events) = Validate(input);
        using var gate = await dialect.EnterWriteAsync(cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.Webhooks.CountAsync(w => w.BusinessId == businessId, cancellationToken) >= MaxSubscriptionsPerBusiness)
        {
            throw new IntegrationInputException(new() { ["url"] = [$"A business may have at most {MaxSubscriptionsPerBusiness} webhooks."] });
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var secret = WebhookSignature.NewSecret();
        var webhook = new WebhookSubscription
        {
            Id = RowIds.New(), BusinessId = businessId, Url = url, Events = string.Join(',', events), Secret = secrets.Protect(secret),
            Active = input.Active ?? true, CreatedAt = now, UpdatedAt = now,
        };
        db.Webhooks.Add(webhook);
        await db.SaveChangesAsync(cancellationToken);
        return (webhook, secret);
    }

    public async Task<WebhookSubscription?> UpdateAsync(string businessId, string id, WebhookInput input, CancellationToken cancellationToken)
    {
        var (url, events) = Validate(input);
        using var gate = await dialect.EnterWriteAsync(cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var webhook = await db.Webhooks.SingleOrDefaultAsync(w => w.Id == id && w.BusinessId == businessId, cancellationToken);
        if (webhook is null)
        {
            return null;
        }

        webhook.Url = url;
        webhook.Events = string.Join(',', events);
        webhook.Active = input.Active ?? webhook.Active;
        webhook.UpdatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await db.SaveChangesAsync(cancellationToken);
        return webhook;
    }

    /// <summary>Deletes the webhook with its deliveries and their log.</summary>
    public async Task<bool> DeleteAsync(string businessId, string id, CancellationToken cancellationToken)
    {
        using var gate = await dialect.EnterWriteAsync(cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Webhooks.Where(w => w.Id == id && w.BusinessId == businessId).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return false;
        }

        var deliveries = db.Deliveries.Where(d => d.SubscriptionId == id).Select(d => d.Id);
        await db.Attempts.Where(a => deliveries.Contains(a.DeliveryId)).ExecuteDeleteAsync(cancellationToken);
        await db.Deliveries.Where(d => d.SubscriptionId == id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The webhook's latest deliveries, newest first, each with its attempts; null when the webhook is not the business's.</summary>
    public async Task<IReadOnlyList<DeliveryView>?> DeliveriesAsync(string businessId, string id, int take, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (!await db.Webhooks.AnyAsync(w => w.Id == id && w.BusinessId == businessId, cancellationToken))
        {
            return null;
        }

        var deliveries = await db.Deliveries.AsNoTracking().Where(d => d.SubscriptionId == id)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(Math.Clamp(take, 1, 200)).ToListAsync(cancellationToken);
        var ids = deliveries.Select(d => d.Id).ToList();
        var attempts = (await db.Attempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.DeliveryId);
        return deliveries.Select(d => DeliveryView.From(d, attempts[d.Id].OrderBy(a => a.At).ThenBy(a => a.Number))).ToList();
    }

    /// <summary>Sends a delivery again (a new round of attempts, the same body and id); false when it is not the business's.</summary>
    public async Task<bool> ResendAsync(string businessId, string deliveryId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        int updated;
        using (await dialect.EnterWriteAsync(cancellationToken))
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            updated = await db.Deliveries.Where(d => d.Id == deliveryId && d.BusinessId == businessId)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.Status, DeliveryStatus.Pending)
                    .SetProperty(d => d.Attempts, 0)
                    .SetProperty(d => d.NextAttemptAt, now)
                    .SetProperty(d => d.LeaseUntil, (long?)null), cancellationToken);
        }

        if (updated > 0)
        {
            signal.Notify();
        }

        return updated > 0;
    }

    private (string Url, List<string> Events) Validate(WebhookInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var url = input.Url?.Trim() ?? "";
        try
        {
            GuardedHttp.ParseUrl(url, httpsOnly: !options.CurrentValue.AllowPrivateTargets);
        }
        catch (OutboundTargetException ex)
        {
            errors["url"] = [ex.Message];
        }

        var events = (input.Events ?? []).Select(e => e?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        var unknown = events.Where(e => !WebhookEvents.All.Contains(e)).ToList();
        if (events.Count == 0)
        {
            errors["events"] = [$"Choose at least one event: {string.Join(", ", WebhookEvents.All)}."];
        }
        else if (unknown.Count > 0)
        {
            errors["events"] = [$"Unknown event(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))}; the events are {string.Join(", ", WebhookEvents.All)}."];
        }

        return errors.Count > 0 ? throw new IntegrationInputException(errors) : (url, events);
    }
}

public sealed record AttemptView(int Number, DateTimeOffset At, int? StatusCode, string? ResponseBody, string? Error, long DurationMs);

public sealed record DeliveryView(
    string Id, string Event, string EventId, string Status, int Attempts, int? LastStatusCode, string? LastError, DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, string Body, IReadOnlyList<AttemptView> Log)
{
    public static DeliveryView From(WebhookDelivery d, IEnumerable<WebhookAttempt> attempts) => new(
        d.Id, d.EventName, d.EventId, d.Status, d.Attempts, d.LastStatusCode, d.LastError, DateTimeOffset.FromUnixTimeMilliseconds(d.CreatedAt),
        d.Status == DeliveryStatus.Pending ? DateTimeOffset.FromUnixTimeMilliseconds(d.NextAttemptAt) : null,
        d.DeliveredAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null, d.Body,
        attempts.Select(a => new AttemptView(a.Number, DateTimeOffset.FromUnixTimeMilliseconds(a.At), a.StatusCode, a.ResponseBody, a.Error, a.DurationMs)).ToList());
}
