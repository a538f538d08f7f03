using HaloAgent.Commerce.Persistence;
using HaloAgent.Platform.Languages;

namespace HaloAgent.Commerce.Businesses;

internal static class BusinessProfiles
{
    /// <param name="whatsAppAccessToken">
    /// The clear token (<see cref="Secrets.BusinessSecrets.ReadWhatsAppAccessToken"/>); the profile never carries the stored
    /// ciphertext, so without it the profile has no token.
    /// </param>
    public static BusinessProfile From(Business business, string? whatsAppAccessToken = null) => new(
        business.Id,
        business.Slug,
        business.Name,
        business.BrandVoice,
        business.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(LanguageCodes.Normalize).OfType<string>().Distinct().ToList(),
        LanguageCodes.Normalize(business.DefaultLanguage) ?? LanguageCodes.English,
        Json.Read(business.OpeningHoursJson, new Dictionary<string, string>()),
        Json.Read(business.DeliveryZonesJson, new List<DeliveryZone>()),
        business is { BankName: { } bank, BankAccountNumber: { } number, BankAccountName: { } name } ? new BankDetails(bank, number, name) : null,
        business.WhatsAppPhoneNumberId,
        whatsAppAccessToken,
        LanguageCodes.Normalize(business.TemplateLanguageFallback) ?? LanguageCodes.English,
        OrderPrefixFor(business))
    {
        WhatsAppBusinessAccountId = business.WhatsAppBusinessAccountId,
        PickupAddress = string.IsNullOrWhiteSpace(business.PickupAddress) ? null : business.PickupAddress.Trim(),
    };

    /// <summary>"Mama Nkechi's Kitchen" → "MNK": initials of the name's words, at most four.</summary>
    public static string OrderPrefixFor(Business business)
    {
        if (!string.IsNullOrWhiteSpace(business.OrderPrefix))
        {
            return business.OrderPrefix.Trim().ToUpperInvariant();
        }

        var initials = new string(business.Name
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word.FirstOrDefault(char.IsAsciiLetterOrDigit))
            .Where(c => c != default)
            .Take(4)
            .Select(char.ToUpperInvariant)
            .ToArray());
        return initials.Length > 0 ? initials : "ORD";
    }
}
