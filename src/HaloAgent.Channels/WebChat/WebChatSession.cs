namespace HaloAgent.Channels.WebChat;

/// <summary>
/// A web chat visitor is known by a session key: the random part of the signed session the server issued them
/// (<see cref="WebChatSessions"/>; the Studio's test runs use <c>sandbox-{run}</c>). Their contact key is
/// <c>web:{key}</c>, which can never collide with a phone number's wa_id.
/// </summary>
public static class WebChatSession
{
    public const string KeyPrefix = "web:";

    public static bool IsValidId(string? id) =>
        id is { Length: >= 16 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string ContactKey(string sessionId) => KeyPrefix + sessionId;

    /// <summary>The session id inside a contact key, or null when the key is not a web chat one.</summary>
    public static string? FromContactKey(string? key) =>
        key is not null && key.StartsWith(KeyPrefix, StringComparison.Ordinal) && IsValidId(key[KeyPrefix.Length..]) ? key[KeyPrefix.Length..] : null;
}
