using HaloAgent.Channels.History;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Conversations;
using HaloAgent.Commerce.Escalations;
using HaloAgent.Commerce.Persistence;
using HaloAgent.Server.Dashboard.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HaloAgent.Server.Dashboard;

/// <summary>
/// The owner's inbox, read from the contacts, the open escalations and the channels' message log
/// (<see cref="ConversationHistory"/>: inbox and outbox, nothing copied). Every read is scoped to one business.
/// </summary>
public sealed class ConversationQueries(
    IDbContextFactory<CommerceDbContext> factory,
    IContactService contacts,
    IEscalationService escalations,
    ConversationHistory history,
    OwnerReplies ownerReplies,
    IConversationMemory memory,
    InboxState inbox,
    IOptions<DashboardOptions> options)
{
    /// <summary>Recent messages read per inbox row: enough for the last message and the unanswered count.</summary>
    private const int SummaryWindow = 20;

    /// <summary>Messages returned with one conversation.</summary>
    private const int DetailWindow = 200;

    /// <summary>Concurrent history reads while building the inbox: a small business fits, and a list never floods the pool.</summary>
    private const int ReadParallelism = 4;

    /// <summary>Orders shown beside the chat: the latest few are what the owner asks about.</summary>
    private const int RecentOrders = 5;

    private const string Human = "human";

    /// <summary>
    /// The contact when it is a customer of <paramref name="businessId"/> (not erased, not a test run's sandbox); null
    /// otherwise (answered 404).
    /// </summary>
    public async Task<ContactInfo?> FindContactAsync(string businessId, string contactId, CancellationToken cancellationToken)
    {
        var contact = await contacts.GetAsync(contactId, cancellationToken);
        return contact is null || contact.BusinessId != businessId || contact.Sandbox || ContactDisplay.IsErased(contact.WaId) ? null : contact;
    }

    /// <summary>
    /// Every conversation: chats with a person (agent paused or an escalation open) first, then by latest message.
    /// Contacts who never wrote (e.g. imported) have no conversation yet. Bounded to the most recent
    /// <see cref="DashboardOptions.MaxConversations"/>, plus every open escalation however old.
    /// </summary>
    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(string businessId, CancellationToken cancellationToken)
    {
        var open = (await escalations.ListOpenAsync(businessId, cancellationToken)).ToDictionary(e => e.ContactId, StringComparer.Ordinal);
        var openIds = open.Keys.ToList();
        List<Contact> rows;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var recent = await db.Contacts.AsNoTracking().ExceptSandbox()
                .Where(c => c.BusinessId == businessId && (c.LastInboundAt != null || c.AgentPaused))
                .OrderByDescending(c => c.LastInboundAt).ThenBy(c => c.Id)
                .Take(Math.Max(1, options.Value.MaxConversations))
                .ToListAsync(cancellationToken);
            var missing = openIds.Except(recent.Select(c => c.Id)).ToList();
            var escalated = missing.Count == 0
                ? []
                : await db.Contacts.AsNoTracking().ExceptSandbox().Where(c => c.BusinessId == businessId && missing.Contains(c.Id)).ToListAsync(cancellationToken);
            rows = recent.Concat(escalated).Where(c => !ContactDisplay.IsErased(c.WaId)).ToList();
        }

        var readAt = await inbox.ReadAtAsync(businessId, rows.Select(c => c.Id).ToList(), cancellationToken);
        var summaries = new ConversationSummary[rows.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, rows.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var contact = rows[i];
                var messages = await history.GetAsync(businessId, contact.WaId, SummaryWindow, token);
                summaries[i] = Summarize(Info(contact), open.GetValueOrDefault(contact.Id), messages, readAt.GetValueOrDefault(contact.Id));
            });

        return summaries
            .OrderByDescending(s => s.HandledBy == Human)
            .ThenByDescending(s => s.LastMessageAt)
            .ThenBy(s => s.ContactId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>One conversation with its latest messages, oldest first; the owner's replies are marked as the owner's.</summary>
    public async Task<ConversationDetail> GetAsync(ContactInfo contact, CancellationToken cancellationToken)
    {
        var messages = await history.GetAsync(contact.BusinessId, contact.WaId, DetailWindow, cancellationToken);
        var owner = await ownerReplies.IdsAsync(contact.BusinessId, contact.WaId, cancellationToken);
        var summary = await SummaryAsync(contact, messages, cancellationToken);
        var remembered = await memory.GetAsync(contact.Id, cancellationToken);
        List<ConversationOrder> orders;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            orders = (await db.Orders.AsNoTracking()
                    .Where(o => o.ContactId == contact.Id && o.BusinessId == contact.BusinessId)
                    .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
                    .Take(RecentOrders)
                    .Select(o => new { o.Id, o.Number, o.Status, o.TotalKobo, o.CreatedAt })
                    .ToListAsync(cancellationToken))
                .Select(o => new ConversationOrder(o.Id, o.Number, o.Status.ToString(), o.TotalKobo, DashboardTime.At(o.CreatedAt)))
                .ToList();
        }

        return ConversationDetail.From(summary, messages.Select(m => ToChatMessage(m, owner)).ToList(), orders, remembered.Facts) with { TeamNote = contact.Note };
    }

    /// <summary>Whether the customer sent a picture under <paramref name="mediaId"/> in the messages the inbox shows.</summary>
    public async Task<bool> SentImageAsync(ContactInfo contact, string mediaId, CancellationToken cancellationToken) =>
        (await history.GetAsync(contact.BusinessId, contact.WaId, DetailWindow, cancellationToken))
            .Any(m => m.Direction == ConversationEntry.Inbound && m.Image?.Id == mediaId);

    /// <summary>When the conversation's newest message was written or queued; null when it has none.</summary>
    public async Task<DateTimeOffset?> LastMessageAtAsync(ContactInfo contact, CancellationToken cancellationToken) =>
        (await history.GetAsync(contact.BusinessId, contact.WaId, 1, cancellationToken)) is [.., var last] ? last.At : null;

    public async Task<ConversationSummary> SummaryAsync(ContactInfo contact, CancellationToken cancellationToken) =>
        await SummaryAsync(contact, await history.GetAsync(contact.BusinessId, contact.WaId, SummaryWindow, cancellationToken), cancellationToken);

    private async Task<ConversationSummary> SummaryAsync(ContactInfo contact, IReadOnlyList<ConversationEntry> messages, CancellationToken cancellationToken)
    {
        var escalation = await escalations.GetOpenAsync(contact.Id, cancellationToken);
        var readAt = (await inbox.ReadAtAsync(contact.BusinessId, [contact.Id], cancellationToken)).GetValueOrDefault(contact.Id);
        return Summarize(contact, escalation, messages, readAt);
    }

    private static ConversationSummary Summarize(ContactInfo contact, EscalationView? escalation, IReadOnlyList<ConversationEntry> messages, long readAt)
    {
        var last = messages.Count > 0 ? messages[^1] : null;
        // "Unread": the customer's messages since the business last wrote (waiting for an answer) that nobody opened
        // the conversation to see yet.
        var unread = Enumerable.Reverse(messages)
            .TakeWhile(m => m.Direction == ConversationEntry.Inbound)
            .Count(m => m.At.ToUnixTimeMilliseconds() > readAt);
        return new ConversationSummary(
            contact.Id,
            ContactDisplay.Name(contact.Name, contact.PhoneE164, contact.Channel, contact.WaId),
            ContactDisplay.Phone(contact.PhoneE164),
            contact.Channel,
            ContactDisplay.Language(contact.PreferredLanguage),
            last?.Text ?? "",
            last?.At ?? DashboardTime.At(contact.LastInboundAt ?? contact.CreatedAt),
            unread,
            contact.AgentPaused || escalation is not null ? Human : "agent",
            escalation?.Id,
            escalation?.Reason);
    }

    /// <summary>The list reads contact rows in one query; the summary takes the shape the services answer.</summary>
    private static ContactInfo Info(Contact c) => new(
        c.Id, c.BusinessId, c.WaId, c.PhoneE164, c.Name, c.PreferredLanguage, c.DataConsent, c.DataConsentAt, c.MarketingConsent,
        c.MarketingConsentAt, c.MarketingOptOut, c.MarketingOptOutAt, c.LoyaltyPoints, c.OrderCount, c.LastInboundAt, c.AgentPaused,
        c.CreatedAt, c.UpdatedAt)
    {
        Channel = c.Channel,
        Sandbox = c.Sandbox,
    };

    private static ChatMessage ToChatMessage(ConversationEntry entry, HashSet<string> ownerIds) =>
        entry.Direction == ConversationEntry.Inbound
            ? new ChatMessage(entry.Id, ChatMessage.In, ChatMessage.Customer, entry.Text, entry.At, null) { ImageId = entry.Image?.Id }
            : new ChatMessage(entry.Id, ChatMessage.Out, ownerIds.Contains(entry.Id) ? ChatMessage.Owner : ChatMessage.Agent, entry.Text, entry.At, entry.Status);
}
