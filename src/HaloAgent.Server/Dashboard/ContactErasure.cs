using HaloAgent.Channels.History;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Persistence;
using HaloAgent.Engine.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace HaloAgent.Server.Dashboard;

/// <summary>
/// NDPA erasure of one contact, in one transaction. The contact is anonymised rather than deleted, because the
/// business must keep its sales records (orders, payments) for tax and accounting, and those rows point at the contact.
/// <list type="bullet">
/// <item>Contact: name, phone, language and WhatsApp id removed (the key becomes <c>erased:&lt;id&gt;</c>, so the
/// person writing again is a new contact); every consent withdrawn and marked opted out so nothing is ever sent to
/// the row; loyalty points zeroed. Kept: the id, the order count and the creation time (sales statistics).</item>
/// <item>Conversation memory (turns and facts) and the open cart: deleted.</item>
/// <item>Orders: kept with their numbers, lines and totals (accounting); the delivery address and every free-text note
/// (order and status history) are removed. Orders store no name; it was read from the contact.</item>
/// <item>Payments: kept (amounts, references, provider ids reconcile the bank account); the receipts' images, OCR text
/// and parsed fields (names, account numbers) are removed; the image hash stays, it identifies no one and still flags
/// a receipt re-used for another order.</item>
/// <item>Hand-overs: kept, the owner's resolution note removed.</item>
/// <item>Messages: handled inbound messages and finished outbound ones (sent, delivered, read, failed) lose their text
/// and the phone number, and are filed under the erased key (<see cref="ConversationRedaction"/>, which also says what
/// it leaves alone and why). Also untouched: the state of flow instances keyed by the contact id (rewriting a running
/// flow's variables or journal would corrupt it).</item>
/// </list>
/// </summary>
public sealed class ContactErasure(IDbContextFactory<CommerceDbContext> factory, ConversationRedaction messages, SqlDialect dialect, TimeProvider clock)
{
    public const string ErasedKeyPrefix = "erased:";

    public static string ErasedKey(string contactId) => ErasedKeyPrefix + contactId;

    public async Task EraseAsync(ContactInfo contact, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var key = ErasedKey(contact.Id);
        var businessId = contact.BusinessId;

        // SQLite has one writer: take the engine's write gate before the transaction, as every writer does, so the
        // engine never waits on our lock while we wait on its gate.
        using var gate = await dialect.EnterWriteAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        await db.Contacts.Where(c => c.Id == contact.Id && c.BusinessId == businessId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.WaId, key)
            .SetProperty(c => c.PhoneE164, (string?)null)
            .SetProperty(c => c.Name, (string?)null)
            .SetProperty(c => c.PreferredLanguage, (string?)null)
            .SetProperty(c => c.DataConsent, false)
            .SetProperty(c => c.DataConsentAt, (long?)null)
            .SetProperty(c => c.MarketingConsent, false)
            .SetProperty(c => c.MarketingConsentAt, (long?)null)
            .SetProperty(c => c.MarketingOptOut, true)
            .SetProperty(c => c.MarketingOptOutAt, now)
            .SetProperty(c => c.LoyaltyPoints, 0)
            .SetProperty(c => c.LastInboundAt, (long?)null)
            .SetProperty(c => c.AgentPaused, false)
            .SetProperty(c => c.AgentPausedAt, (long?)null)
            .SetProperty(c => c.UpdatedAt, now), cancellationToken);

        await db.ConversationMemory.Where(m => m.ContactId == contact.Id).ExecuteDeleteAsync(cancellationToken);
        var cartIds = db.Carts.Where(c => c.ContactId == contact.Id).Select(c => c.Id);
        await db.CartItems.Where(i => cartIds.Contains(i.CartId)).ExecuteDeleteAsync(cancellationToken);
        await db.Carts.Where(c => c.ContactId == contact.Id).ExecuteDeleteAsync(cancellationToken);

        var orderIds = db.Orders.Where(o => o.BusinessId == businessId && o.ContactId == contact.Id).Select(o => o.Id);
        await db.Orders.Where(o => o.BusinessId == businessId && o.ContactId == contact.Id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.DeliveryAddress, (string?)null)
            .SetProperty(o => o.Note, (string?)null), cancellationToken);
        await db.OrderStatusChanges.Where(h => orderIds.Contains(h.OrderId)).ExecuteUpdateAsync(s => s.SetProperty(h => h.Note, (string?)null), cancellationToken);

        var paymentIds = db.Payments.Where(p => p.BusinessId == businessId && p.ContactId == contact.Id).Select(p => p.Id);
        await db.ReceiptSubmissions.Where(r => paymentIds.Contains(r.PaymentId)).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Image, (byte[]?)null)
            .SetProperty(r => r.RawText, (string?)null)
            .SetProperty(r => r.FieldsJson, (string?)null), cancellationToken);
        await db.Escalations.Where(e => e.BusinessId == businessId && e.ContactId == contact.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ResolutionNote, (string?)null), cancellationToken);

        // The channels' message log, in the same transaction: the contact is never half erased.
        await messages.RedactAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), businessId, contact.WaId, key, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
