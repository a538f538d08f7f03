using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Conversations;
using HaloAgent.Commerce.Orders;
using HaloAgent.Platform.Languages;

namespace HaloAgent.Server.Dashboard;

/// <summary>Gathers one contact's page from the contact row, their orders, the message log and the agent's memory.</summary>
public sealed class ContactDetailReader(ContactQueries queries, ConversationQueries conversations, IOrderService orders, IConversationMemory memory)
{
    /// <summary>Orders shown on the page; the Orders page has the rest.</summary>
    public const int OrderLimit = 50;

    /// <summary>Messages shown: the recent conversation, the inbox has the whole of it.</summary>
    public const int MessageLimit = 30;

    /// <summary>The contact's page, or null when it is not a customer of the business.</summary>
    /// <param name="withConversation">False for a role that may not read chats: the page then has no conversation.</param>
    public async Task<ContactDetail?> GetAsync(string businessId, string contactId, bool withConversation, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(businessId, contactId, cancellationToken) is not { } c)
        {
            return null;
        }

        IReadOnlyList<ChatMessage>? messages = null;
        if (withConversation && await conversations.FindContactAsync(businessId, contactId, cancellationToken) is { } info)
        {
            var all = (await conversations.GetAsync(info, cancellationToken)).Messages;
            messages = all.Skip(Math.Max(0, all.Count - MessageLimit)).ToList();
        }

        var placed = await orders.ListForContactAsync(businessId, contactId, OrderLimit, cancellationToken);
        var facts = (await memory.GetAsync(contactId, cancellationToken)).Facts;
        var (consent, changedAt) = ContactConsent.Of(c);
        return new ContactDetail(
            c.Id,
            ContactDisplay.Name(c.Name, c.PhoneE164, c.Channel, c.WaId),
            ContactDisplay.Phone(c.PhoneE164),
            c.Channel,
            ContactDisplay.Language(c.PreferredLanguage),
            ContactTags.Read(c.Tags),
            c.LoyaltyPoints,
            await queries.OrderCountAsync(contactId, cancellationToken),
            DashboardTime.At(c.CreatedAt),
            DashboardTime.At(c.LastInboundAt),
            consent,
            changedAt,
            ContactConsent.History(c),
            placed.OrderByDescending(o => o.CreatedAt).Select(ToOrder).ToList(),
            messages,
            facts.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new ContactFact(f.Key, f.Value)).ToList(),
            LanguageCodes.All)
        {
            TeamNote = c.Note,
        };
    }

    private static ContactOrder ToOrder(OrderView o) => new(
        o.Id,
        o.Number,
        string.Join(", ", o.Lines.Select(l => $"{l.Quantity} × {l.Names.For(LanguageCodes.English)}")),
        o.ItemCount,
        o.TotalKobo,
        o.Status.ToString(),
        DashboardTime.At(o.CreatedAt));
}
