using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore;
using HaloAgent.Platform.Languages;

namespace HaloAgent.Commerce.Contacts;

internal sealed class ContactService(IDbContextFactory<CommerceDbContext> factory, HotQueries queries, TimeProvider clock) : IContactService
{
    private const int MaxNameLength = 100;

    public async Task<ContactUpsert> UpsertFromInboundAsync(
        string businessId, string waId, string? profileName, long? messageAt, string? channel, CancellationToken cancellationToken)
    {
        var (key, phone) = ContactKey.Normalize(waId);
        var now = Now();
        var at = messageAt ?? now;
        var name = CleanName(profileName);

        // Two messages from a new customer can arrive on two nodes at once: the unique index picks one insert, the
        // other retries as an update.
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var existing = await queries.ContactByKey(db, businessId, key, cancellationToken);
            if (existing is null)
            {
                var contact = NewContact(businessId, key, phone, channel ?? "whatsapp", name, at, now, sandbox: false);
                db.Contacts.Add(contact);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return new ContactUpsert(ContactInfo.From(contact), Created: true);
                }
                catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) && attempt < 3)
                {
                    continue;
                }
            }

            // A late message never moves the window (or the channel) backwards, but every message touches updated_at:
            // the live inbox watches it, and WhatsApp stamps in whole seconds, so two quick messages carry one time.
            // A name the customer gave is never replaced by their profile name.
            var latestChannel = channel ?? existing.Channel;
            await db.Contacts.Where(c => c.Id == existing.Id)
                .ExecuteUpdateAsync(
                    s => s
                        .SetProperty(c => c.Channel, c => c.LastInboundAt == null || c.LastInboundAt <= at ? latestChannel : c.Channel)
                        .SetProperty(c => c.LastInboundAt, c => c.LastInboundAt == null || c.LastInboundAt < at ? at : c.LastInboundAt)
                        .SetProperty(c => c.UpdatedAt, now),
                    cancellationToken);
            if (name is not null && existing.Name is null)
            {
                await db.Contacts.Where(c => c.Id == existing.Id && c.Name == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, name), cancellationToken);
            }

            var current = await queries.ContactById(db, existing.Id, cancellationToken)
                ?? throw new InvalidOperationException($"Contact {existing.Id} disappeared while it was being updated.");
            return new ContactUpsert(ContactInfo.From(current), Created: false);
        }
    }

    /// <summary>A contact who has just written (consent to process their data is implied by writing to the business).</summary>
    private static Contact NewContact(string businessId, string waId, string? phone, string channel, string? name, long writtenAt, long now, bool sandbox) => new()
    {
        Id = Ids.New(),
        BusinessId = businessId,
        WaId = waId,
        PhoneE164 = phone,
        Channel = channel,
        Name = name,
        DataConsent = true,
        DataConsentAt = writtenAt,
        LastInboundAt = writtenAt,
        Sandbox = sandbox,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public async Task<ContactInfo> CreateSandboxAsync(string businessId, string key, string? name, string channel, CancellationToken cancellationToken)
    {
        var (waId, phone) = ContactKey.Normalize(key);
        var now = Now();
        var contact = NewContact(businessId, waId, phone, channel, CleanName(name), now, now, sandbox: true);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(cancellationToken);
        return ContactInfo.From(contact);
    }

    public async Task<bool> DeleteSandboxAsync(string contactId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Id == contactId).Select(c => new { c.Sandbox }).FirstOrDefaultAsync(cancellationToken);
        if (contact is null)
        {
            return false;
        }

        if (!contact.Sandbox)
        {
            throw new InvalidOperationException($"Contact {contactId} is a customer, not a test run's sandbox: it is never deleted this way.");
        }

        // Children before parents (the foreign keys): receipts and provider events, payments, order lines and history,
        // orders, cart lines, carts, hand-overs, memory, then the contact.
        var orderIds = db.Orders.Where(o => o.ContactId == contactId).Select(o => o.Id);
        var paymentIds = db.Payments.Where(p => p.ContactId == contactId || orderIds.Contains(p.OrderId)).Select(p => p.Id);
        await db.ReceiptSubmissions.Where(r => paymentIds.Contains(r.PaymentId)).ExecuteDeleteAsync(cancellationToken);
        await db.PaystackEvents.Where(e => e.PaymentId != null && paymentIds.Contains(e.PaymentId)).ExecuteDeleteAsync(cancellationToken);
        await db.Payments.Where(p => p.ContactId == contactId || orderIds.Contains(p.OrderId)).ExecuteDeleteAsync(cancellationToken);
        await db.OrderStatusChanges.Where(h => orderIds.Contains(h.OrderId)).ExecuteDeleteAsync(cancellationToken);
        await db.OrderItems.Where(i => orderIds.Contains(i.OrderId)).ExecuteDeleteAsync(cancellationToken);
        await db.Orders.Where(o => o.ContactId == contactId).ExecuteDeleteAsync(cancellationToken);
        var cartIds = db.Carts.Where(c => c.ContactId == contactId).Select(c => c.Id);
        await db.CartItems.Where(i => cartIds.Contains(i.CartId)).ExecuteDeleteAsync(cancellationToken);
        await db.Carts.Where(c => c.ContactId == contactId).ExecuteDeleteAsync(cancellationToken);
        await db.Escalations.Where(e => e.ContactId == contactId).ExecuteDeleteAsync(cancellationToken);
        await db.ConversationMemory.Where(m => m.ContactId == contactId).ExecuteDeleteAsync(cancellationToken);
        await db.Contacts.Where(c => c.Id == contactId && c.Sandbox).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<ContactInfo?> GetAsync(string contactId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var contact = await queries.ContactById(db, contactId, cancellationToken);
        return contact is null ? null : ContactInfo.From(contact);
    }

    public async Task<ContactInfo?> FindByWaIdAsync(string businessId, string waId, CancellationToken cancellationToken)
    {
        var (key, _) = ContactKey.Normalize(waId);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var contact = await queries.ContactByKey(db, businessId, key, cancellationToken);
        return contact is null ? null : ContactInfo.From(contact);
    }

    public async Task<bool> SetTagsAsync(string contactId, IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        var column = ContactTags.Write(tags);
        var now = Now();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Contacts.Where(c => c.Id == contactId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Tags, column).SetProperty(c => c.UpdatedAt, now), cancellationToken) == 1;
    }

    public async Task<bool> SetNoteAsync(string contactId, string note, CancellationToken cancellationToken)
    {
        var text = ContactNote.Normalize(note) ?? throw new ArgumentException($"A note has at most {ContactNote.MaxLength} characters.", nameof(note));
        var now = Now();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Contacts.Where(c => c.Id == contactId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Note, text).SetProperty(c => c.UpdatedAt, now), cancellationToken) == 1;
    }

    public async Task<bool> SetLanguageAsync(string contactId, string language, CancellationToken cancellationToken)
    {
        var code = LanguageCodes.Normalize(language);
        if (code is null)
        {
            return false;
        }

        var now = Now();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Contacts.Where(c => c.Id == contactId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PreferredLanguage, code).SetProperty(c => c.UpdatedAt, now), cancellationToken) == 1;
    }

    public async Task<bool> SetNameAsync(string contactId, string name, CancellationToken cancellationToken)
    {
        var clean = CleanName(name);
        if (clean is null)
        {
            return false;
        }

        var now = Now();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Contacts.Where(c => c.Id == contactId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, clean).SetProperty(c => c.UpdatedAt, now), cancellationToken) == 1;
    }

    public async Task<bool> OptOutAsync(string contactId, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await db.Contacts.AnyAsync(c => c.Id == contactId, cancellationToken))
        {
            return false;
        }

        await db.Contacts.Where(c => c.Id == contactId && !c.MarketingOptOut)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.MarketingOptOut, true)
                .SetProperty(c => c.MarketingOptOutAt, now)
                .SetProperty(c => c.MarketingConsent, false)
                .SetProperty(c => c.UpdatedAt, now), cancellationToken);
        return true;
    }

    public async Task<bool> OptInAsync(string contactId, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Contacts.Where(c => c.Id == contactId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.MarketingOptOut, false)
                .SetProperty(c => c.MarketingOptOutAt, (long?)null)
                .SetProperty(c => c.MarketingConsent, true)
                .SetProperty(c => c.MarketingConsentAt, now)
                .SetProperty(c => c.UpdatedAt, now), cancellationToken) == 1;
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static string? CleanName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var trimmed = string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return trimmed.Length <= MaxNameLength ? trimmed : trimmed[..MaxNameLength];
    }
}
