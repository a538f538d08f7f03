using HaloAgent.Commerce;
using HaloAgent.Commerce.Contacts;

namespace HaloAgent.Server.Dashboard;

/// <summary>How a contact reads on the dashboard: a name and a phone even when the customer never gave one.</summary>
internal static class ContactDisplay
{
    public static string Name(ContactInfo contact) => Name(contact.Name, contact.PhoneE164);

    public static string Name(string? name, string? phone) => name ?? phone ?? "Customer";

    /// <summary>Web chat visitors have no phone: an empty string keeps the contract's field a string.</summary>
    public static string Phone(string? phoneE164) => phoneE164 ?? "";

    public static string Language(string? preferred) => preferred ?? LanguageCodes.English;

    /// <summary>Erased contacts (NDPA) stay as anonymous rows for their orders but are no longer anyone's conversation.</summary>
    public static bool IsErased(string waId) => waId.StartsWith(ContactErasure.ErasedKeyPrefix, StringComparison.Ordinal);
}
