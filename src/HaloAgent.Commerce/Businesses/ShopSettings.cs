namespace HaloAgent.Commerce.Businesses;

/// <summary>
/// What the owner tells customers about the shop, as the dashboard edits it: the name, where pickup orders are
/// collected, the opening hours (day "mon".."sun" to "HH:mm-HH:mm" or "closed"), the delivery zones and their fees,
/// the bank account for transfers, and the approved-template language for customers Meta has no templates for.
/// </summary>
public sealed record ShopSettings(
    string Name,
    string? PickupAddress,
    IReadOnlyDictionary<string, string> OpeningHours,
    IReadOnlyList<DeliveryZone> DeliveryZones,
    BankDetails? Bank,
    string TemplateLanguageFallback);
