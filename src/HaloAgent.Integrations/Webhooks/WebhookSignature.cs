using System.Security.Cryptography;
using System.Text;

namespace HaloAgent.Integrations.Webhooks;

/// <summary>
/// <c>X-Halo-Signature: sha256=HEX(HMAC-SHA256(secret, raw body))</c>, the scheme GitHub and Meta use, so receivers'
/// existing verification snippets work. The body carries its own id and time; <c>X-Halo-Timestamp</c> says when this
/// attempt was sent.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Halo-Signature";
    public const string TimestampHeader = "X-Halo-Timestamp";
    public const string EventHeader = "X-Halo-Event";
    public const string DeliveryHeader = "X-Halo-Delivery";

    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Constant-time check of a <c>sha256=…</c> header against <paramref name="body"/>.</summary>
    public static bool Verify(string secret, byte[] body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(header.Trim()));

    /// <summary>A new secret: 32 random bytes in hex.</summary>
    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
