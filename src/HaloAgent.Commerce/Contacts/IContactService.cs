namespace HaloAgent.Commerce.Contacts;

/// <summary>Contacts (customers) of a business: created on their first message, updated as the conversation learns.</summary>
public interface IContactService
{
    /// <summary>
    /// Finds or creates the contact for an inbound message and records when they wrote (the 24-hour window).
    /// Safe to call again for a redelivered message, and from several nodes at once.
    /// </summary>
    /// <param name="waId">WhatsApp's wa_id (a phone in any common shape is accepted too) or another channel's user key.</param>
    /// <param name="profileName">WhatsApp profile name; used only while the contact has no name.</param>
    /// <param name="messageAt">When the customer wrote (Unix ms); now when null.</param>
    /// <param name="channel">The channel they wrote on (whatsapp, twilio, webchat); replies go there. Null: unchanged (whatsapp for a new contact).</param>
    Task<ContactUpsert> UpsertFromInboundAsync(
        string businessId, string waId, string? profileName, long? messageAt, string? channel, CancellationToken cancellationToken);

    /// <summary>
    /// Creates a test run's customer (<see cref="Contact.Sandbox"/>): a contact of the business that is never one of its
    /// customers (see <see cref="SandboxContacts"/>). Fails when the key is taken.
    /// </summary>
    Task<ContactInfo> CreateSandboxAsync(string businessId, string key, string? name, string channel, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a sandbox contact and everything commerce stored for it (conversation memory, cart, orders with their
    /// lines and history, payments with their receipts and provider events, hand-overs) in one transaction. False when
    /// there is no such contact (already deleted); a contact that is not a sandbox is never deleted.
    /// </summary>
    Task<bool> DeleteSandboxAsync(string contactId, CancellationToken cancellationToken);

    Task<ContactInfo?> GetAsync(string contactId, CancellationToken cancellationToken);

    Task<ContactInfo?> FindByWaIdAsync(string businessId, string waId, CancellationToken cancellationToken);

    /// <summary>Sets the preferred language; false when the code is not one of en, pcm, yo, ig, ha or the contact is unknown.</summary>
    Task<bool> SetLanguageAsync(string contactId, string language, CancellationToken cancellationToken);

    /// <summary>Replaces the owner's tags (already normalised by <see cref="ContactTags.NormalizeAll"/>); false when the contact is unknown.</summary>
    Task<bool> SetTagsAsync(string contactId, IReadOnlyCollection<string> tags, CancellationToken cancellationToken);

    /// <summary>Replaces the team's note (at most <see cref="ContactNote.MaxLength"/> characters); false when the contact is unknown.</summary>
    Task<bool> SetNoteAsync(string contactId, string note, CancellationToken cancellationToken);

    Task<bool> SetNameAsync(string contactId, string name, CancellationToken cancellationToken);

    /// <summary>STOP: no marketing (and no nudges) from now on. Idempotent; keeps the first opt-out time.</summary>
    Task<bool> OptOutAsync(string contactId, CancellationToken cancellationToken);

    /// <summary>START: marketing consent given now, opt-out lifted.</summary>
    Task<bool> OptInAsync(string contactId, CancellationToken cancellationToken);
}
