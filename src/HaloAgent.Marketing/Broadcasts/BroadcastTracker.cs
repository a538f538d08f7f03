using HaloAgent.Platform.Audience;
using HaloAgent.Platform.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HaloAgent.Marketing.Broadcasts;

/// <summary>
/// Follows what happened to queued messages: reads their state from the outbox (Meta's delivery reports end there,
/// whichever node took them) and the contacts' replies and orders, stalest recipients first. Applies Meta's codes:
/// 131050 opts the contact out of marketing, 131049 is "limited by Meta", a template error pauses the broadcast.
/// </summary>
public sealed class BroadcastTracker(
    IDbContextFactory<MarketingDbContext> factory, IMarketingMessenger messenger, IAudience audience,
    IOptionsMonitor<MarketingOptions> options, TimeProvider clock)
{
    public const int Batch = 1000;

    /// <summary>
    /// One pass over the recent broadcasts, up to <see cref="Batch"/> recipients each, stalest first: a big broadcast is
    /// gone through over several passes rather than re-read in a tight loop.
    /// </summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var horizon = now - (long)(settings.AttributionWindow + TimeSpan.FromDays(1)).TotalMilliseconds;
        List<Broadcast> recent;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            recent = await db.Broadcasts.AsNoTracking()
                .Where(b => b.Materialized && b.StartedAt >= horizon)
                .OrderBy(b => b.StartedAt).ToListAsync(cancellationToken);
        }

        foreach (var broadcast in recent)
        {
            await TrackAsync(broadcast, settings, now, cancellationToken);
        }

        return false;
    }

    private async Task TrackAsync(Broadcast broadcast, MarketingOptions settings, long now, CancellationToken cancellationToken)
    {
        var attribution = (long)settings.AttributionWindow.TotalMilliseconds;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var batch = await db.Recipients
            .Where(r => r.BroadcastId == broadcast.Id)
            .Where(r => RecipientStatus.InFlight.Contains(r.Status)
                || (r.Status == RecipientStatus.Read && r.QueuedAt >= now - attribution && (r.RepliedAt == null || r.OrderedAt == null)))
            .OrderBy(r => r.CheckedAt).Take(Batch).ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return;
        }

        // Read is final for delivery: those rows are here only for replies and orders.
        var inFlight = batch.Where(r => RecipientStatus.InFlight.Contains(r.Status)).Select(r => r.IdempotencyKey).ToList();
        var deliveries = (await messenger.DeliveriesAsync(inFlight, cancellationToken))
            .ToDictionary(d => d.IdempotencyKey, StringComparer.Ordinal);
        string? templateError = null;
        foreach (var recipient in batch)
        {
            recipient.CheckedAt = now;
            if (deliveries.GetValueOrDefault(recipient.IdempotencyKey) is not { } delivery)
            {
                continue;
            }

            if (Apply(recipient, delivery, now) is { } code)
            {
                if (code == MetaErrors.MarketingOptOut)
                {
                    await audience.OptOutOfMarketingAsync(broadcast.BusinessId, recipient.ContactId, cancellationToken);
                }
                else if (MetaCodes.IsTemplateError(code))
                {
                    templateError = recipient.Reason;
                }
            }
        }

        await AttributeAsync(broadcast, batch.Where(r => r.SentAt is not null).ToList(), settings, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (templateError is not null)
        {
            await BroadcastStates.PauseAsync(factory, broadcast.Id, $"{templateError} Sending stopped: fix the template or parameters, then resume.", now, cancellationToken);
        }
    }

    /// <summary>Moves the recipient on from the outbox's state; returns Meta's code when it newly failed.</summary>
    private static int? Apply(BroadcastRecipient recipient, MarketingDelivery delivery, long now)
    {
        var at = delivery.StatusAt?.ToUnixTimeMilliseconds() ?? now;
        switch (delivery.Status)
        {
            case "sent":
                recipient.SentAt ??= at;
                Advance(recipient, RecipientStatus.Sent, now);
                return null;
            case "delivered":
                recipient.SentAt ??= at;
                recipient.DeliveredAt ??= at;
                Advance(recipient, RecipientStatus.Delivered, now);
                return null;
            case "read":
                recipient.SentAt ??= at;
                recipient.DeliveredAt ??= at;
                recipient.ReadAt ??= at;
                Advance(recipient, RecipientStatus.Read, now);
                return null;
            case "failed" when recipient.Status is not (RecipientStatus.Failed or RecipientStatus.Limited):
                recipient.Status = delivery.ErrorCode == MetaErrors.MarketingPerUserLimit ? RecipientStatus.Limited : RecipientStatus.Failed;
                (recipient.ErrorCode, recipient.FailedAt, recipient.UpdatedAt) = (delivery.ErrorCode, at, now);
                recipient.Reason = MetaCodes.Explain(delivery.ErrorCode, delivery.ErrorTitle);
                return delivery.ErrorCode ?? 0;
            default:
                return null;
        }
    }

    private static readonly string[] Rank = [RecipientStatus.Queued, RecipientStatus.Sent, RecipientStatus.Delivered, RecipientStatus.Read];

    private static void Advance(BroadcastRecipient recipient, string status, long now)
    {
        if (Array.IndexOf(Rank, status) > Array.IndexOf(Rank, recipient.Status))
        {
            (recipient.Status, recipient.UpdatedAt) = (status, now);
        }
    }

    /// <summary>A reply within the reply window and a bought order within the attribution window of the send count for the broadcast.</summary>
    private async Task AttributeAsync(Broadcast broadcast, IReadOnlyList<BroadcastRecipient> sent, MarketingOptions settings, CancellationToken cancellationToken)
    {
        if (sent.Count == 0 || broadcast.StartedAt is not { } started)
        {
            return;
        }

        var engagement = (await audience.EngagementAsync(
                broadcast.BusinessId, sent.Select(r => r.ContactId).ToList(), DateTimeOffset.FromUnixTimeMilliseconds(started), cancellationToken))
            .ToDictionary(e => e.ContactId, StringComparer.Ordinal);
        var reply = (long)settings.ReplyWindow.TotalMilliseconds;
        var attribution = (long)settings.AttributionWindow.TotalMilliseconds;
        foreach (var recipient in sent)
        {
            if (engagement.GetValueOrDefault(recipient.ContactId) is not { } e || recipient.SentAt is not { } sentAt)
            {
                continue;
            }

            if (recipient.RepliedAt is null && e.LastMessageAt?.ToUnixTimeMilliseconds() is { } wrote && wrote > sentAt && wrote <= sentAt + reply)
            {
                recipient.RepliedAt = wrote;
            }

            if (recipient.OrderedAt is null && e.FirstOrderAt?.ToUnixTimeMilliseconds() is { } ordered && ordered >= sentAt && ordered <= sentAt + attribution)
            {
                (recipient.OrderedAt, recipient.RevenueKobo) = (ordered, e.FirstOrderKobo);
            }
        }
    }
}
