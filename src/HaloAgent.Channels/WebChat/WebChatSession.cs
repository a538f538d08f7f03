using System.Security.Cryptography;

namespace HaloAgent.Channels.WebChat;

/// <summary>
/// A web chat visitor is known by a random session id the server issued (it is their only credential, kept in the
/// browser). Their contact key is <c>web:{session}</c>, which can never collide with a phone number's wa_id.
/// </summary>
public static class WebChatSession
{
    public const string KeyPrefix = "web:";

    /// <summary>128 random bits, URL-safe.</summary>
    public static string NewId() => Base64Url(RandomNumberGenerator.GetBytes(16));

    public static bool IsValidId(string? id) =>
        id is { Length: >= 16 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string ContactKey(string sessionId) => KeyPrefix + sessionId;

    /// <summary>The session id inside a contact key, or null when the key is not a web chat one.</summary>
    public static string? FromContactKey(string? key) =>
        key is not null && key.StartsWith(KeyPrefix, StringComparison.Ordinal) && IsValidId(key[KeyPrefix.Length..]) ? key[KeyPrefix.Length..] : null;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
