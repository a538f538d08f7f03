namespace HaloAgent.Commerce.Contacts;

/// <summary>How a channel's user id becomes the contact key: phone numbers in one shape, other keys as given.</summary>
internal static class ContactKey
{
    public const int MaxLength = 128;

    /// <summary>(wa_id digits, E.164 phone) for a phone; (key, null) for web chat sessions or business-scoped ids.</summary>
    public static (string WaId, string? Phone) Normalize(string waId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(waId);
        var trimmed = waId.Trim();

        // WhatsApp's wa_id: country code and number, digits only (E.164 allows at most 15). Taken as it is, so a
        // foreign customer's number is never read as a Nigerian one.
        if (trimmed[0] != '0' && trimmed.Length is >= 8 and <= 15 && trimmed.All(char.IsAsciiDigit))
        {
            return (trimmed, "+" + trimmed);
        }

        // A number as people write it: 0803 123 4567, +234 803 ...
        if (NigerianPhone.TryToE164(trimmed, out var nigerian))
        {
            return (nigerian[1..], nigerian);
        }

        var digits = trimmed[1..];
        if (trimmed[0] == '+' && digits.Length is >= 8 and <= 15 && digits.All(char.IsAsciiDigit))
        {
            return (digits, trimmed);
        }

        if (trimmed.Length > MaxLength)
        {
            throw new ArgumentException($"A contact key is at most {MaxLength} characters.", nameof(waId));
        }

        return (trimmed, null);
    }
}
