namespace HaloAgent.Channels.Messages;

/// <summary>A customer's WhatsApp id: the international number as digits, no '+' (what <c>wa_id</c> and <c>to</c> use).</summary>
public static class WhatsAppId
{
    /// <summary>
    /// Accepts <c>2348030000001</c>, <c>+234 803 000 0001</c> or <c>whatsapp:+2348030000001</c>; null when it is not
    /// 8–15 digits (a local number such as 0803… has no country code and cannot be sent to).
    /// </summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.StartsWith("whatsapp:", StringComparison.OrdinalIgnoreCase))
        {
            text = text["whatsapp:".Length..];
        }

        var digits = new string(text.Where(c => c is not (' ' or '-' or '(' or ')' or '+')).ToArray());
        return digits.Length is >= 8 and <= 15 && digits.All(char.IsAsciiDigit) && digits[0] != '0' ? digits : null;
    }
}
