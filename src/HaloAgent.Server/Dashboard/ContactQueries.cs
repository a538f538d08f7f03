using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Server.Dashboard;

/// <summary>Searching a business's contacts (its customers: no test run's sandbox) by name, phone or tag.</summary>
public sealed class ContactQueries(IDbContextFactory<CommerceDbContext> factory)
{
    /// <summary>A search answers a screenful, not the whole book: the owner narrows it with <c>q</c>.</summary>
    public const int MaxResults = 500;

    /// <param name="q">Part of the name (any case), of the phone in any common shape (0803…, +234 803…, 234803…), or a whole tag.</param>
    /// <param name="tag">Only contacts with this tag.</param>
    public async Task<IReadOnlyList<ContactListItem>> SearchAsync(string businessId, string? q, string? tag, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.Contacts.AsNoTracking().ExceptSandbox()
            .Where(c => c.BusinessId == businessId && !c.WaId.StartsWith(ContactErasure.ErasedKeyPrefix));
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToLowerInvariant();
            var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
            // Phones are stored as +234…: "0803 123" is searched by its national part, "234803…" as it is.
            var national = digits.StartsWith('0') ? digits[1..] : digits;
            // Text that cannot be a tag searches names and phones only (an empty needle would match every row).
            var asTag = ContactTags.Normalize(text, out _) is { } t ? ContactTags.Needle(t) : "||";
            query = national.Length >= 3
                ? query.Where(c => (c.Name != null && c.Name.ToLower().Contains(text)) || (c.PhoneE164 != null && c.PhoneE164.Contains(national)) || c.Tags.Contains(asTag))
                : query.Where(c => (c.Name != null && c.Name.ToLower().Contains(text)) || c.Tags.Contains(asTag));
        }

        if (!string.IsNullOrWhiteSpace(tag))
        {
            if (ContactTags.Normalize(tag, out _) is not { } wanted)
            {
                return [];
            }

            var needle = ContactTags.Needle(wanted);
            query = query.Where(c => c.Tags.Contains(needle));
        }

        // The orders are counted from the orders themselves: the contact's own counter only moves when an order is
        // completed, so a customer with a paid order still read "0".
        var rows = await query
            .OrderByDescending(c => c.LastInboundAt ?? c.CreatedAt).ThenBy(c => c.Id)
            .Take(MaxResults)
            .Select(c => new { Contact = c, Orders = db.Orders.Count(o => o.ContactId == c.Id && o.Status != OrderStatus.Cancelled) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => ToItem(r.Contact, r.Orders)).ToList();
    }

    /// <summary>Orders the contact placed that were not cancelled.</summary>
    public async Task<int> OrderCountAsync(string contactId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Orders.CountAsync(o => o.ContactId == contactId && o.Status != OrderStatus.Cancelled, cancellationToken);
    }

    /// <summary>The contact's row as stored, when it is a customer of the business (not erased, not a sandbox).</summary>
    public async Task<Contact?> FindAsync(string businessId, string contactId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Contacts.AsNoTracking().ExceptSandbox()
            .Where(c => c.Id == contactId && c.BusinessId == businessId && !c.WaId.StartsWith(ContactErasure.ErasedKeyPrefix))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public static ContactListItem ToItem(Contact c, int orderCount)
    {
        var (consent, changedAt) = ContactConsent.Of(c);
        return new(
            c.Id,
            ContactDisplay.Name(c.Name, c.PhoneE164, c.Channel, c.WaId),
            ContactDisplay.Phone(c.PhoneE164),
            ContactDisplay.Language(c.PreferredLanguage),
            c.MarketingConsent && !c.MarketingOptOut,
            consent,
            changedAt,
            orderCount,
            c.LoyaltyPoints,
            ContactTags.Read(c.Tags),
            DashboardTime.At(c.CreatedAt),
            DashboardTime.At(c.LastInboundAt));
    }
}
