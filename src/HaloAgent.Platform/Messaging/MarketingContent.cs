namespace HaloAgent.Platform.Messaging;

/// <summary>
/// A contact as a journey step reaches them: where (key on channel), in which language, whether they stopped
/// marketing, when they last wrote (the 24-hour window) and the business's fallback language for templates.
/// </summary>
public sealed record MarketingContact(
    string ContactId, string BusinessId, string? Name, string Key, string Channel, string Language, bool MarketingOptOut,
    DateTimeOffset? LastMessageAt, string TemplateFallbackLanguage)
{
    public static readonly TimeSpan ServiceWindow = TimeSpan.FromHours(24);

    /// <summary>True while WhatsApp accepts free-form text: the customer wrote less than 24 hours before <paramref name="now"/>.</summary>
    public bool IsInServiceWindow(DateTimeOffset now) => LastMessageAt is { } last && now - last < ServiceWindow;
}

/// <summary>
/// Journey messages need the contact and the message texts, which live with contacts and content (implemented where
/// those are; marketing sees them only through this).
/// </summary>
public interface IMarketingContent
{
    /// <summary>The contact; null when there is none.</summary>
    Task<MarketingContact?> ContactAsync(string contactId, CancellationToken cancellationToken);

    /// <summary>
    /// The message text for the contact: <paramref name="written"/> (a text written on the node) when given, else the
    /// message template <paramref name="templateKey"/>, in <see cref="MarketingContact.Language"/>, with the contact,
    /// the business and <paramref name="data"/>.
    /// </summary>
    Task<string> RenderAsync(
        MarketingContact contact, string templateKey, string? written, IReadOnlyDictionary<string, object?> data, CancellationToken cancellationToken);

    /// <summary>What is wrong with a message text written in the Studio (empty when nothing); the key check says whether a template exists.</summary>
    IReadOnlyList<string> Check(string source, string language);

    /// <summary>True when the message template exists (in English at least: other languages fall back to it).</summary>
    bool Exists(string templateKey);

    /// <summary>The business's fallback language for WhatsApp templates (its shop setting; English when there is none).</summary>
    Task<string> TemplateFallbackAsync(string businessId, CancellationToken cancellationToken);
}
