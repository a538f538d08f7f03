using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace HaloAgent.Channels.Twilio;

/// <summary>
/// Twilio's webhook signature: <c>X-Twilio-Signature</c> = Base64(HMAC-SHA1(auth token, full URL + every POST parameter
/// sorted by name, each name followed by its value)).
/// </summary>
public static class TwilioSignature
{
    public const string Header = "X-Twilio-Signature";

    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, StringValues>> form)
    {
        var data = new StringBuilder(url);
        foreach (var (key, values) in form.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var value in values.Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal)) // as Twilio's own validators do
            {
                data.Append(key).Append(value);
            }
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }

    /// <summary>
    /// Constant-time check against the URL as given and with its default port added or removed (Twilio signs the URL as
    /// configured, and proxies differ in whether a :443 survives). False when no auth token is configured.
    /// </summary>
    public static bool IsValid(string? authToken, string url, IReadOnlyDictionary<string, StringValues> form, string? header)
    {
        if (string.IsNullOrEmpty(authToken) || string.IsNullOrEmpty(header))
        {
            return false;
        }

        var given = Encoding.ASCII.GetBytes(header);
        var valid = false;
        foreach (var candidate in UrlVariants(url))
        {
            // Check every variant (no early exit): the time taken does not reveal which one matched.
            valid |= CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(authToken, candidate, form)), given);
        }

        return valid;
    }

    private static IEnumerable<string> UrlVariants(string url)
    {
        yield return url;
        var start = url.IndexOf("://", StringComparison.Ordinal) + 3;
        if (start < 3)
        {
            yield break;
        }

        // Work on the literal text: Twilio signs the string, and Uri would re-escape the path.
        var scheme = url[..(start - 3)];
        var end = url.IndexOfAny(['/', '?', '#'], start);
        end = end < 0 ? url.Length : end;
        var authority = url[start..end];
        var rest = url[end..];
        var colon = authority.LastIndexOf(':');
        var host = colon >= 0 && !authority.EndsWith(']') ? authority[..colon] : authority;
        var defaultPort = scheme.Equals("https", StringComparison.OrdinalIgnoreCase) ? "443"
            : scheme.Equals("http", StringComparison.OrdinalIgnoreCase) ? "80"
            : null;
        if (defaultPort is null)
        {
            yield break;
        }

        if (host != authority && authority[(colon + 1)..] == defaultPort)
        {
            yield return $"{scheme}://{host}{rest}";
        }
        else if (host == authority)
        {
            yield return $"{scheme}://{host}:{defaultPort}{rest}";
        }
    }
}
