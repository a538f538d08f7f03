using HaloAgent.Channels.History;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Escalations;
using HaloAgent.Commerce.Persistence;
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
    IOptions<DashboardOptions> options)
{
    /// <summary>Recent messages read per inbox row: enough for the last message and the unanswered count.</summary>
    private const int SummaryWindow = 20;

    /// <summary>Messages returned with one conversation.</summary>
    private const int DetailWindow = 200;

    /// <summary>Concurrent history reads while building the inbox: a small business fits, and a list never floods the pool.</summary>
    private const int ReadParallelism = 4;

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
        var open = (await escalations.ListOpenAsync(businessId, cancellationToken)).ToDictionary(e => e.ContactId, e => e.Id, StringComparer.Ordinal);
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

        var summaries = new ConversationSummary[rows.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, rows.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var contact = rows[i];
                var messages = await history.GetAsync(businessId, contact.WaId, SummaryWindow, token);
                summaries[i] = Summarize(contact.Id, contact.Name, contact.PhoneE164, contact.PreferredLanguage, contact.AgentPaused,
                    open.GetValueOrDefault(contact.Id), contact.LastInboundAt ?? contact.CreatedAt, messages);
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
        return ConversationDetail.From(summary, messages.Select(m => ToChatMessage(m, owner)).ToList());
    }

    public async Task<ConversationSummary> SummaryAsync(ContactInfo contact, CancellationToken cancellationToken) =>
        await SummaryAsync(contact, await history.GetAsync(contact.BusinessId, contact.WaId, SummaryWindow, cancellationToken), cancellationToken);

    private async Task<ConversationSummary> SummaryAsync(ContactInfo contact, IReadOnlyList<ConversationEntry> messages, CancellationToken cancellationToken)
    {
        var escalation = await escalations.GetOpenAsync(contact.Id, cancellationToken);
        return Summarize(contact.Id, contact.Name, contact.PhoneE164, contact.PreferredLanguage, contact.AgentPaused, escalation?.Id,
            contact.LastInboundAt ?? contact.CreatedAt, messages);
    }

    private static ConversationSummary Summarize(
        string contactId, string? name, string? phone, string? language, bool agentPaused, string? escalationId, long fallbackAt,
        IReadOnlyList<ConversationEntry> messages)
    {
        var last = messages.Count > 0 ? messages[^1] : null;
        // There are no read receipts on the owner's side: "unread" counts the customer's messages since the business
        // last wrote, i.e. what is waiting for an answer.
        var unread = Enumerable.Reverse(messages).TakeWhile(m => m.Direction == ConversationEntry.Inbound).Count();
        return new ConversationSummary(
            contactId,
            ContactDisplay.Name(name, phone),
            ContactDisplay.Phone(phone),
            ContactDisplay.Language(language),
            last?.Text ?? "",
            last?.At ?? DashboardTime.At(fallbackAt),
            unread,
            agentPaused || escalationId is not null ? Human : "agent",
            escalationId);
    }

    private static ChatMessage ToChatMessage(ConversationEntry entry, HashSet<string> ownerIds) =>
        entry.Direction == ConversationEntry.Inbound
            ? new ChatMessage(entry.Id, ChatMessage.In, ChatMessage.Customer, entry.Text, entry.At, null)
            : new ChatMessage(entry.Id, ChatMessage.Out, ownerIds.Contains(entry.Id) ? ChatMessage.Owner : ChatMessage.Agent, entry.Text, entry.At, entry.Status);
}
