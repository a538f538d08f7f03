namespace HaloAgent.Commerce.Businesses;

/// <summary>A business as the agent, the channels and the public showcase read it (JSON columns already parsed).</summary>
public sealed record BusinessProfile(
    string Id,
    string Slug,
    string Name,
    string? BrandVoice,
    IReadOnlyList<string> Languages,
    string DefaultLanguage,
    IReadOnlyDictionary<string, string> OpeningHours,
    IReadOnlyList<DeliveryZone> DeliveryZones,
    BankDetails? Bank,
    string? WhatsAppPhoneNumberId,
    string? WhatsAppAccessToken,
    string TemplateLanguageFallback,
    string OrderPrefix)
{
    /// <summary>Meta's WhatsApp Business Account id, when set (template sync needs it).</summary>
    public string? WhatsAppBusinessAccountId { get; init; }

    /// <summary>Where pickup customers collect their order, when the owner has said.</summary>
    public string? PickupAddress { get; init; }

    /// <summary>The opening hours read as times (Lagos time), for whether the kitchen is open and when it opens next.</summary>
    public OpeningTimes Hours => OpeningTimes.Parse(OpeningHours);

    /// <summary>The zone of that name (case-insensitive), or null when the business does not deliver there.</summary>
    public DeliveryZone? FindZone(string? name) =>
        string.IsNullOrWhiteSpace(name)
            ? null
            : DeliveryZones.FirstOrDefault(z => string.Equals(z.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
