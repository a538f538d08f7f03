using HaloAgent.Channels.Outbox;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Payments;
using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Server.Dashboard;

/// <summary>
/// What changed in one business since a stream last looked. Several nodes share the database and any of them may have
/// made the change, so this reads the database (cheap "changed since" queries on indexed or business-scoped columns)
/// instead of listening to in-process events.
/// </summary>
public sealed class DashboardChangeFeed(
    IDbContextFactory<CommerceDbContext> factory,
    OutboxQueries outbox,
    IContactService contacts,
    ConversationQueries conversations,
    OrderProjection projection)
{
    /// <summary>How far back each poll re-reads, for clock differences between nodes (milliseconds).</summary>
    public const long Overlap = 5_000;

    /// <summary>A cursor at "now": only changes after this call are reported.</summary>
    public async Task<ChangeCursor> StartAsync(string businessId, CancellationToken cancellationToken)
    {
        var cursor = new ChangeCursor(businessId);
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            cursor.Orders.Since = await db.Orders.Where(o => o.BusinessId == businessId).MaxAsync(o => (long?)o.UpdatedAt, cancellationToken) ?? 0;
            cursor.Payments.Since = await db.Payments.Where(p => p.BusinessId == businessId).MaxAsync(p => (long?)p.UpdatedAt, cancellationToken) ?? 0;
            cursor.Contacts.Since = await db.Contacts.Where(c => c.BusinessId == businessId).MaxAsync(c => (long?)c.UpdatedAt, cancellationToken) ?? 0;
        }

        // The outbox stamps messages with the queuing node's wall clock, not a TimeProvider.
        cursor.Outbound.Since = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        // What is already there within the overlap is marked as sent, so the first poll reports only new changes.
        await PollAsync(cursor, emit: false, cancellationToken);
        return cursor;
    }

    public Task<IReadOnlyList<DashboardEvent>> PollAsync(ChangeCursor cursor, CancellationToken cancellationToken) =>
        PollAsync(cursor, emit: true, cancellationToken);

    private async Task<IReadOnlyList<DashboardEvent>> PollAsync(ChangeCursor cursor, bool emit, CancellationToken cancellationToken)
    {
        try
        {
            var events = await ReadAsync(cursor, emit, cancellationToken);
            cursor.Commit(Overlap);
            return events;
        }
        catch
        {
            cursor.Rollback();
            throw;
        }
    }

    private async Task<IReadOnlyList<DashboardEvent>> ReadAsync(ChangeCursor cursor, bool emit, CancellationToken cancellationToken)
    {
        var events = new List<DashboardEvent>();
        var businessId = cursor.BusinessId;
        List<(string Id, long Version, long CreatedAt, long UpdatedAt)> orders;
        List<(string Id, string OrderId, long Version, long UpdatedAt)> payments;
        List<(string Id, long Version, long UpdatedAt)> changedContacts;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var orderFloor = cursor.Orders.Since - Overlap;
            orders = (await db.Orders.AsNoTracking()
                    .Where(o => o.BusinessId == businessId && o.UpdatedAt >= orderFloor)
                    .OrderBy(o => o.UpdatedAt)
                    .Select(o => new { o.Id, o.Version, o.CreatedAt, o.UpdatedAt })
                    .ToListAsync(cancellationToken))
                .Select(o => (o.Id, o.Version, o.CreatedAt, o.UpdatedAt)).ToList();

            var paymentFloor = cursor.Payments.Since - Overlap;
            payments = (await db.Payments.AsNoTracking()
                    .Where(p => p.BusinessId == businessId && p.Status == PaymentStatus.AwaitingReview && p.UpdatedAt >= paymentFloor)
                    .OrderBy(p => p.UpdatedAt)
                    .Select(p => new { p.Id, p.OrderId, p.Version, p.UpdatedAt })
                    .ToListAsync(cancellationToken))
                .Select(p => (p.Id, p.OrderId, p.Version, p.UpdatedAt)).ToList();

            // A new customer message, a hand-over opened or released: each touches the contact's updated_at.
            var contactFloor = cursor.Contacts.Since - Overlap;
            changedContacts = (await db.Contacts.AsNoTracking()
                    .Where(c => c.BusinessId == businessId && c.UpdatedAt >= contactFloor)
                    .OrderBy(c => c.UpdatedAt)
                    .Select(c => new { c.Id, c.UpdatedAt, c.AgentPaused, c.LastInboundAt })
                    .ToListAsync(cancellationToken))
                // Not the time alone: a take-over in the same millisecond as the row's last change (or under a test's
                // frozen clock) is still a change.
                .Select(c => (c.Id, (long)HashCode.Combine(c.UpdatedAt, c.AgentPaused, c.LastInboundAt), c.UpdatedAt)).ToList();
        }

        // Replies (the agent's and the owner's) touch no contact: the outbox says what it queued since.
        var outbound = await outbox.QueuedSinceAsync(businessId, DateTimeOffset.FromUnixTimeMilliseconds(cursor.Outbound.Since - Overlap), cancellationToken);

        var createdFloor = cursor.Orders.Since - Overlap;
        var changedOrders = new List<(string Id, bool Created)>();
        foreach (var order in orders)
        {
            var known = cursor.Orders.Seen.ContainsKey(order.Id);
            if (cursor.Orders.Add(order.Id, order.Version, order.UpdatedAt))
            {
                changedOrders.Add((order.Id, !known && order.CreatedAt >= createdFloor));
            }
        }

        var reviews = payments.Where(p => cursor.Payments.Add(p.Id, p.Version, p.UpdatedAt)).ToList();
        foreach (var payment in reviews.Where(p => changedOrders.All(o => o.Id != p.OrderId)))
        {
            // The order now reads PaymentReview although its own row did not change.
            changedOrders.Add((payment.OrderId, false));
        }

        var conversationIds = changedContacts.Where(c => cursor.Contacts.Add(c.Id, c.Version, c.UpdatedAt)).Select(c => c.Id).ToList();
        var recipients = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in outbound)
        {
            if (cursor.Outbound.Add(row.Id, 0, row.QueuedAt.ToUnixTimeMilliseconds()))
            {
                recipients.Add(row.Recipient);
            }
        }

        if (!emit)
        {
            return events;
        }

        foreach (var recipient in recipients)
        {
            if (await contacts.FindByWaIdAsync(businessId, recipient, cancellationToken) is { } contact && !conversationIds.Contains(contact.Id))
            {
                conversationIds.Add(contact.Id);
            }
        }

        foreach (var (id, created) in changedOrders)
        {
            if (await projection.OrderAsync(businessId, id, cancellationToken) is { } order)
            {
                events.Add(new DashboardEvent(created ? DashboardEvent.OrderCreated : DashboardEvent.OrderUpdated, order));
            }
        }

        foreach (var payment in reviews)
        {
            if (await projection.PaymentReviewAsync(businessId, payment.Id, cancellationToken) is { } review)
            {
                events.Add(new DashboardEvent(DashboardEvent.PaymentReview, review));
            }
        }

        foreach (var contactId in conversationIds)
        {
            if (await conversations.FindContactAsync(businessId, contactId, cancellationToken) is { } contact && (contact.LastInboundAt is not null || contact.AgentPaused))
            {
                events.Add(new DashboardEvent(DashboardEvent.ConversationUpdated, await conversations.SummaryAsync(contact, cancellationToken)));
            }
        }

        return events;
    }
}
