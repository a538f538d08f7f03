using System.Text.Json;
using HaloAgent.Marketing.Templates;
using HaloAgent.Platform.Audience;
using HaloAgent.Platform.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HaloAgent.Marketing.Broadcasts;

/// <summary>One paced batch of a sending broadcast (see <see cref="BroadcastDispatcher"/>).</summary>
public sealed class BroadcastSender(
    IDbContextFactory<MarketingDbContext> factory, ITemplateCatalog templates, IAudience audience, IMarketingMessenger messenger,
    SendPacer pacer, IOptionsMonitor<MarketingOptions> options, TimeProvider clock)
{
    public const int MaxBatch = 1000;

    private const string QuietReason = "Quiet hours";
    private const string LimitReason = "Meta's messaging limit";
    private const string RetryReason = "Retries wait a day after Meta's per-customer limit";

    /// <summary>True when more recipients are due now.</summary>
    public async Task<bool> SendBatchAsync(Broadcast broadcast, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = clock.GetUtcNow();
        var ms = now.ToUnixTimeMilliseconds();
        if (new QuietHours(settings.QuietHoursStart, settings.QuietHoursEnd).HeldUntil(now) is { } quietEnd)
        {
            await BroadcastStates.HoldAsync(factory, broadcast.Id, quietEnd.ToUnixTimeMilliseconds(), QuietReason, ms, cancellationToken);
            return false;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pending = db.Recipients.Where(r => r.BroadcastId == broadcast.Id && r.Status == RecipientStatus.Pending);
        var variants = (await templates.ListAsync(broadcast.BusinessId, cancellationToken)).Where(t => t.Name == broadcast.TemplateName).ToList();
        var languages = await pending.Where(r => r.TemplateLanguage != null).Select(r => r.TemplateLanguage!).Distinct().ToListAsync(cancellationToken);
        if (variants.FirstOrDefault(v => languages.Contains(v.Language) && !TemplateChoice.IsApproved(v)) is { } stopped)
        {
            var why = stopped.StatusReason is { Length: > 0 } r ? $" ({r})" : "";
            await BroadcastStates.PauseAsync(factory, broadcast.Id,
                $"Meta set the template '{stopped.Name}' ({stopped.Language}) to {stopped.Status}{why}: sending stopped. Resume once Meta approves it again.",
                ms, cancellationToken);
            return false;
        }

        var reached = await MarketingReach.ReachedTodayAsync(db, broadcast.BusinessId, ms, cancellationToken);
        var room = settings.MessagingLimit - reached.Count;
        if (room <= 0)
        {
            await BroadcastStates.HoldAsync(factory, broadcast.Id, reached.FreedAt ?? ms, LimitReason, ms, cancellationToken);
            return false;
        }

        var batch = await pending.Where(r => r.NotBefore == null || r.NotBefore <= ms)
            .OrderBy(r => r.Id).Take(Math.Min(MaxBatch, room)).ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            var next = await pending.MinAsync(r => r.NotBefore, cancellationToken);
            if (next is { } later)
            {
                await BroadcastStates.HoldAsync(factory, broadcast.Id, later, RetryReason, ms, cancellationToken);
            }
            else
            {
                await BroadcastStates.CompleteAsync(factory, broadcast.Id, ms, cancellationToken);
            }

            return false;
        }

        if (broadcast.HeldUntil is not null)
        {
            await BroadcastStates.ReleaseAsync(factory, broadcast.Id, ms, cancellationToken);
        }

        var allowed = pacer.Take(broadcast.BusinessId, batch.Count, settings.SendsPerSecond);
        if (allowed == 0)
        {
            await Task.Delay(SendPacer.Wait(settings.SendsPerSecond), cancellationToken);
            return true;
        }

        batch = batch.Take(allowed).ToList();
        var capped = await MarketingReach.CappedAsync(db, broadcast.BusinessId, batch.Select(r => r.ContactId).ToList(), settings, ms, cancellationToken);
        var names = await audience.NamesAsync(broadcast.BusinessId, batch.Select(r => r.ContactId).ToList(), cancellationToken);
        var parameters = JsonSerializer.Deserialize<List<string>>(broadcast.Parameters, BroadcastStore.Json) ?? [];
        var messages = new List<MarketingMessage>(batch.Count);
        foreach (var recipient in batch)
        {
            recipient.UpdatedAt = ms;
            if (capped.Contains(recipient.ContactId))
            {
                (recipient.Status, recipient.Reason) = (RecipientStatus.Skipped, SkipReasons.FrequencyCap);
                continue;
            }

            var variant = variants.First(v => v.Language == recipient.TemplateLanguage);
            var values = BroadcastPlanner.ParametersFor(parameters, names.GetValueOrDefault(recipient.ContactId));
            messages.Add(new MarketingMessage(
                broadcast.BusinessId, recipient.Address, recipient.Channel, recipient.IdempotencyKey, recipient.IdempotencyKey,
                variant.Name, variant.Language, values, BroadcastPlanner.Fill(variant.Body, values)));
        }

        var refused = await messenger.EnqueueManyAsync(messages, cancellationToken);
        foreach (var recipient in batch.Where(r => r.Status == RecipientStatus.Pending))
        {
            if (refused.TryGetValue(recipient.IdempotencyKey, out var reason))
            {
                (recipient.Status, recipient.Reason, recipient.FailedAt) = (RecipientStatus.Failed, reason, ms);
            }
            else
            {
                (recipient.Status, recipient.QueuedAt) = (RecipientStatus.Queued, ms);
            }
        }

        // Queued on the outbox before this is saved: a crash in between re-queues under the same key, which the outbox ignores.
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
