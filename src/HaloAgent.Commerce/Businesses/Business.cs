using HaloAgent.Platform.Languages;

namespace HaloAgent.Commerce.Businesses;

/// <summary>A tenant: one small business with its WhatsApp number. Every customer-facing record belongs to one.</summary>
public sealed class Business
{
    public required string Id { get; set; }

    /// <summary>URL-safe handle for the public showcase and web chat (e.g. <c>mama-nkechi-kitchen</c>).</summary>
    public required string Slug { get; set; }

    public required string Name { get; set; }

    /// <summary>How the agent should sound, in the owner's words.</summary>
    public string? BrandVoice { get; set; }

    /// <summary>Comma-separated language codes the business serves (en, pcm, yo, ig, ha).</summary>
    public string Languages { get; set; } = LanguageCodes.English;

    /// <summary>Used for a contact until their own language is known.</summary>
    public string DefaultLanguage { get; set; } = LanguageCodes.English;

    /// <summary>JSON object, day ("mon".."sun") to "HH:mm-HH:mm" or "closed".</summary>
    public string? OpeningHoursJson { get; set; }

    /// <summary>JSON list of <see cref="DeliveryZone"/>; the fee of the zone a customer picks is added to the order.</summary>
    public string DeliveryZonesJson { get; set; } = "[]";

    /// <summary>Where pickup customers collect their order, as the customer is told it.</summary>
    public string? PickupAddress { get; set; }

    public string? BankName { get; set; }

    public string? BankAccountNumber { get; set; }

    public string? BankAccountName { get; set; }

    /// <summary>Meta's phone number id of the business's WhatsApp number; inbound webhooks are routed by it.</summary>
    public string? WhatsAppPhoneNumberId { get; set; }

    /// <summary>Meta's WhatsApp Business Account id: the business's message templates are listed and approved under it.</summary>
    public string? WhatsAppBusinessAccountId { get; set; }

    /// <summary>
    /// The business's Cloud API token, <b>encrypted</b> (<c>dp1:…</c>, see <see cref="Secrets.ISecretProtector"/>): write and
    /// read it only through <see cref="Secrets.BusinessSecrets"/>; the clear token is never stored and never leaves the
    /// server (not in any public API). A clear value stored before encryption is encrypted at the next start.
    /// </summary>
    public string? WhatsAppAccessToken { get; set; }

    /// <summary>
    /// Language of the approved templates used outside the 24-hour window for contacts whose language Meta has no
    /// templates in (Pidgin, Yoruba, Igbo).
    /// </summary>
    public string TemplateLanguageFallback { get; set; } = LanguageCodes.English;

    /// <summary>Order numbers read "{prefix}-0001"; derived from the name when empty.</summary>
    public string? OrderPrefix { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }
}
