using HaloAgent.Marketing.Segments;
using HaloAgent.Marketing.Templates;
using HaloAgent.Platform.Audience;
using HaloAgent.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HaloAgent.Marketing.Broadcasts;

/// <summary>
/// Sends due broadcasts, one node per broadcast (a lease on its row). Starting writes every recipient as a durable row
/// in one transaction; sending takes pending rows in paced batches, queues each on the outbox under
/// <c>bc:{broadcast}:{contact}</c> and only then marks it queued, so a node killed in between leaves rows another node
/// queues again under the same key: the outbox keeps one. Quiet hours, Meta's messaging limit and a template Meta
/// paused hold or pause the broadcast; the frequency cap skips the contact.
/// </summary>
public sealed class BroadcastDispatcher(
    IDbContextFactory<MarketingDbContext> factory, BroadcastSender sender, SegmentStore segments, ITemplateCatalog templates,
    IAudience audience, IOptionsMonitor<MarketingOptions> options, TimeProvider clock)
{
    /// <summary>Broadcasts looked at per pass.</summary>
    private const int Candidates = 5;

    /// <summary>This node, as it signs its leases.</summary>
    public string Node { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{RowIds.New()[^8..]}";

    /// <summary>One pass; true when a broadcast still has recipients due now.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        List<string> due;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Broadcasts.AsNoTracking()
                .Where(b => (b.Status == BroadcastStatus.Scheduled && b.ScheduledAt <= now) || b.Status == BroadcastStatus.Sending)
                .Where(b => b.HeldUntil == null || b.HeldUntil <= now)
                .Where(b => b.LeaseUntil == null || b.LeaseUntil < now || b.LeaseOwner == Node)
                .OrderBy(b => b.ScheduledAt).Take(Candidates).Select(b => b.Id)
                .ToListAsync(cancellationToken);
        }

        var more = false;
        foreach (var id in due)
        {
            if (await ClaimAsync(id, now, cancellationToken))
            {
                more |= await AdvanceAsync(id, cancellationToken);
            }
        }

        return more;
    }

    private async Task<bool> ClaimAsync(string id, long now, CancellationToken cancellationToken)
    {
        var until = now + (long)options.CurrentValue.Lease.TotalMilliseconds;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Broadcasts
            .Where(b => b.Id == id && (b.Status == BroadcastStatus.Scheduled || b.Status == BroadcastStatus.Sending))
            .Where(b => b.LeaseUntil == null || b.LeaseUntil < now || b.LeaseOwner == Node)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.LeaseOwner, Node).SetProperty(b => b.LeaseUntil, until), cancellationToken) == 1;
    }

    private async Task<bool> AdvanceAsync(string id, CancellationToken cancellationToken)
    {
        Broadcast? broadcast;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            broadcast = await db.Broadcasts.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        }

        if (broadcast is null)
        {
            return false;
        }

        if (broadcast.Status == BroadcastStatus.Scheduled)
        {
            return await StartAsync(broadcast, cancellationToken);
        }

        return broadcast.Status == BroadcastStatus.Sending && await sender.SendBatchAsync(broadcast, cancellationToken);
    }

    /// <summary>Writes the audience as it is now, each contact pending or skipped with the reason, and starts sending.</summary>
    private async Task<bool> StartAsync(Broadcast broadcast, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        AudienceFilter filter = new();
        if (broadcast.SegmentId is { } segmentId)
        {
            var segment = await segments.FindAsync(broadcast.BusinessId, segmentId, cancellationToken);
            if (segment is null)
            {
                await BroadcastStates.FailAsync(factory, broadcast.Id, "Its segment was deleted before sending started.", now, cancellationToken);
                return false;
            }

            filter = segment.Filter;
        }

        var variants = (await templates.ListAsync(broadcast.BusinessId, cancellationToken)).Where(t => t.Name == broadcast.TemplateName).ToList();
        var plan = BroadcastPlanner.Plan(
            await audience.RecipientsAsync(broadcast.BusinessId, filter, cancellationToken), new TemplateChoice(variants, broadcast.FallbackLanguage));

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var started = await db.Broadcasts
            .Where(b => b.Id == broadcast.Id && b.Status == BroadcastStatus.Scheduled && b.LeaseOwner == Node && !b.Materialized)
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.Status, BroadcastStatus.Sending).SetProperty(b => b.Materialized, true)
                .SetProperty(b => b.StartedAt, now).SetProperty(b => b.UpdatedAt, now), cancellationToken);
        if (started == 0)
        {
            return false; // paused, cancelled or taken over meanwhile
        }

        foreach (var chunk in plan.Chunk(1000))
        {
            db.Recipients.AddRange(chunk.Select(p => new BroadcastRecipient
            {
                Id = RowIds.New(), BroadcastId = broadcast.Id, BusinessId = broadcast.BusinessId, ContactId = p.Contact.ContactId,
                Address = p.Contact.Key, Channel = p.Contact.Channel, Language = p.Language, TemplateLanguage = p.TemplateLanguage,
                Status = p.SkipReason is null ? RecipientStatus.Pending : RecipientStatus.Skipped, Reason = p.SkipReason,
                CheckedAt = now, UpdatedAt = now,
            }));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
