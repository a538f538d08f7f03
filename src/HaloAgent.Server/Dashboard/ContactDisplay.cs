using HaloAgent.Commerce;
using HaloAgent.Commerce.Contacts;

namespace HaloAgent.Server.Dashboard;

/// <summary>How a contact reads on the dashboard: a name and a phone even when the customer never gave one.</summary>
internal static class ContactDisplay
{
    public static string Name(ContactInfo contact) => Name(contact.Name, contact.PhoneE164, contact.Channel, contact.WaId);

    /// <summary>
    /// A contact who gave no name and has no phone (a web chat visitor) is named by their channel and a short tag of
    /// their key, so the owner can tell two of them apart instead of reading "Customer" on every row.
    /// </summary>
    public static string Name(string? name, string? phone, string channel, string key)
    {
        if ((name ?? phone) is { } known)
        {
            return known;
        }

        var tag = key.Length <= 4 ? key : key[^4..];
        return $"{(channel == "webchat" ? "Web chat visitor" : "Customer")} {tag.ToUpperInvariant()}";
    }

    /// <summary>Web chat visitors have no phone: an empty string keeps the contract's field a string.</summary>
    public static string Phone(string? phoneE164) => phoneE164 ?? "";

    public static string Language(string? preferred) => preferred ?? LanguageCodes.English;

    /// <summary>Erased contacts (NDPA) stay as anonymous rows for their orders but are no longer anyone's conversation.</summary>
    public static bool IsErased(string waId) => waId.StartsWith(ContactErasure.ErasedKeyPrefix, StringComparison.Ordinal);
}
