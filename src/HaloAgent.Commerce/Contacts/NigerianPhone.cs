using System.Diagnostics.CodeAnalysis;

namespace HaloAgent.Commerce.Contacts;

/// <summary>
/// Nigerian mobile numbers in every shape customers and channels write them, to E.164 (+234 and ten digits).
/// </summary>
public static class NigerianPhone
{
    public const string CountryCode = "234";

    /// <summary>
    /// "08031234567", "2348031234567", "+234 803 123 4567", "+234 (0) 803-123-4567", "008 ..." or a wa_id
    /// ("2348031234567") → "+2348031234567".
    /// </summary>
    /// <exception cref="FormatException">The text is not a Nigerian mobile number; the message says why.</exception>
    public static string ToE164(string? text)
    {
        if (TryToE164(text, out var e164, out var error))
        {
            return e164;
        }

        throw new FormatException(error);
    }

    public static bool TryToE164(string? text, [NotNullWhen(true)] out string? e164) => TryToE164(text, out e164, out _);

    private static bool TryToE164(string? text, [NotNullWhen(true)] out string? e164, out string error)
    {
        e164 = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "A phone number is required.";
            return false;
        }

        var trimmed = text.Trim();
        foreach (var ch in trimmed)
        {
            if (!char.IsAsciiDigit(ch) && ch is not (' ' or '-' or '.' or '(' or ')' or '+'))
            {
                error = $"'{trimmed}' is not a phone number: it contains '{ch}'.";
                return false;
            }
        }

        if (trimmed.IndexOf('+', 1) >= 0)
        {
            error = $"'{trimmed}' is not a phone number: '+' may only start it.";
            return false;
        }

        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        var international = trimmed.StartsWith('+');
        if (!international && digits.StartsWith("00", StringComparison.Ordinal))
        {
            digits = digits[2..];
            international = true;
        }

        string national;
        // A national number starts with 7, 8 or 9, so a leading 234 is always the country code.
        if (digits.StartsWith(CountryCode, StringComparison.Ordinal) && (international || digits.Length >= 12))
        {
            national = digits[3..];
            // "+234 (0) 803..." keeps the trunk zero some people write after the country code.
            if (national.Length == 11 && national[0] == '0')
            {
                national = national[1..];
            }
        }
        else if (international)
        {
            error = $"'{trimmed}' is not a Nigerian number: it does not start with +234.";
            return false;
        }
        else if (digits.Length == 11 && digits[0] == '0')
        {
            national = digits[1..];
        }
        else if (digits.Length == 10 && digits[0] is '7' or '8' or '9')
        {
            national = digits;
        }
        else
        {
            error = $"'{trimmed}' is not a Nigerian mobile number: expected 0 and 10 digits (0803 123 4567) or +234 and 10 digits.";
            return false;
        }

        if (national.Length != 10)
        {
            error = $"'{trimmed}' is not a Nigerian mobile number: after +234 come exactly 10 digits, not {national.Length}.";
            return false;
        }

        // Mobile ranges start 70x, 80x, 81x, 90x, 91x: all begin with 7, 8 or 9 (landlines cannot use WhatsApp here).
        if (national[0] is not ('7' or '8' or '9'))
        {
            error = $"'{trimmed}' is not a Nigerian mobile number: mobile numbers start with 07, 08 or 09.";
            return false;
        }

        e164 = "+" + CountryCode + national;
        error = string.Empty;
        return true;
    }
}
