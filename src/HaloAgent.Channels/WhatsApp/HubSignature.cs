using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace HaloAgent.Channels.WhatsApp;

/// <summary>Meta's webhook signature: <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c> = HMAC-SHA256(app secret, raw body).</summary>
public static class HubSignature
{
    public const string Header = "X-Hub-Signature-256";

    /// <summary>The header value Meta would send for <paramref name="body"/>.</summary>
    public static string Compute(string appSecret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));

    /// <summary>Constant-time check; false for a missing secret (fail closed), a missing or malformed header, or a mismatch.</summary>
    public static bool IsValid(string? appSecret, string? header, ReadOnlySpan<byte> body)
    {
        const string prefix = "sha256=";
        if (string.IsNullOrEmpty(appSecret) || header is null || !header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        var hex = header.AsSpan(prefix.Length).Trim();
        if (hex.Length != 64 || Convert.FromHexString(hex, expected, out _, out var written) != OperationStatus.Done || written != 32)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body, actual);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
