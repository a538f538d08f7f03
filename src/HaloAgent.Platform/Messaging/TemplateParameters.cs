using System.Text.RegularExpressions;

namespace HaloAgent.Platform.Messaging;

/// <summary>The body parameters of a WhatsApp template: <c>{{1}}</c>…<c>{{n}}</c>, or named ones (<c>{{first_name}}</c>).</summary>
public static partial class TemplateParameters
{
    /// <summary>How many distinct parameters a send must fill.</summary>
    public static int Count(string body) =>
        Placeholder().Matches(body).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).Count();

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]{1,64})\s*\}\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Placeholder();
}
