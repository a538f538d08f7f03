using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Server.Dashboard;

/// <summary>Searching a business's contacts (its customers: no test run's sandbox) by name or phone.</summary>
public sealed class ContactQueries(IDbContextFactory<CommerceDbContext> factory)
{
    /// <summary>A search answers a screenful, not the whole book: the owner narrows it with <c>q</c>.</summary>
    public const int MaxResults = 500;

    /// <param name="q">Part of the name (any case) or of the phone in any common shape (0803…, +234 803…, 234803…).</param>
    public async Task<IReadOnlyList<ContactListItem>> SearchAsync(string businessId, string? q, CancellationToken cancellationToken)
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
            query = national.Length >= 3
                ? query.Where(c => (c.Name != null && c.Name.ToLower().Contains(text)) || (c.PhoneE164 != null && c.PhoneE164.Contains(national)))
                : query.Where(c => c.Name != null && c.Name.ToLower().Contains(text));
        }

        var contacts = await query
            .OrderByDescending(c => c.LastInboundAt ?? c.CreatedAt).ThenBy(c => c.Id)
            .Take(MaxResults)
            .ToListAsync(cancellationToken);
        return contacts.Select(ToItem).ToList();
    }

    public static ContactListItem ToItem(Contact c) => new(
        c.Id,
        ContactDisplay.Name(c.Name, c.PhoneE164),
        ContactDisplay.Phone(c.PhoneE164),
        ContactDisplay.Language(c.PreferredLanguage),
        c.MarketingConsent && !c.MarketingOptOut,
        c.OrderCount,
        c.LoyaltyPoints,
        DashboardTime.At(c.CreatedAt),
        DashboardTime.At(c.LastInboundAt));
}
