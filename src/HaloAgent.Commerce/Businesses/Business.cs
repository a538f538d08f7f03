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
    public string Languages { get; set; } = "en";

    /// <summary>Meta's phone number id of the business's WhatsApp number; inbound webhooks are routed by it.</summary>
    public string? WhatsAppPhoneNumberId { get; set; }

    public long CreatedAt { get; set; }
}
