using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace HaloAgent.Channels.WebChat;

/// <summary>
/// Issues and checks web chat sessions. The visitor holds a token: 128 random bits and the time it was issued,
/// encrypted and signed with ASP.NET Core Data Protection under a purpose that names the business (so a token of one
/// business is refused by every other), with the key ring every node shares. Only the random part, the session key,
/// is ever stored (the contact key <c>web:{key}</c>): knowing a contact key does not let anyone read its conversation.
/// </summary>
public sealed class WebChatSessions
{
    private const string Purpose = "HaloAgent.Channels.WebChat.Session.v1";
    private const int MaxTokenLength = 512;
    private const int KeyBytes = 16;

    private readonly IDataProtector _protector;
    private readonly TimeProvider _clock;
    private readonly IOptionsMonitor<ChannelsOptions> _options;

    internal WebChatSessions(IDataProtectionProvider protection, TimeProvider clock, IOptionsMonitor<ChannelsOptions> options)
    {
        _protector = protection.CreateProtector(Purpose);
        _clock = clock;
        _options = options;
    }

    /// <summary>A new session for a visitor of <paramref name="businessId"/>: the token to give them and its session key.</summary>
    public IssuedWebChatSession Issue(string businessId)
    {
        var payload = new byte[KeyBytes + sizeof(long)];
        RandomNumberGenerator.Fill(payload.AsSpan(0, KeyBytes));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(KeyBytes), _clock.GetUtcNow().ToUnixTimeSeconds());
        var token = WebEncoders.Base64UrlEncode(_protector.CreateProtector(businessId).Protect(payload));
        return new IssuedWebChatSession(token, WebEncoders.Base64UrlEncode(payload, 0, KeyBytes));
    }

    /// <summary>The session key of a token this server issued for <paramref name="businessId"/> that has not expired; otherwise why not.</summary>
    public WebChatSessionCheck Check(string businessId, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return WebChatSessionCheck.Missing;
        }

        byte[] payload;
        try
        {
            if (token.Length > MaxTokenLength)
            {
                return WebChatSessionCheck.NotIssued;
            }

            payload = _protector.CreateProtector(businessId).Unprotect(WebEncoders.Base64UrlDecode(token));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return WebChatSessionCheck.NotIssued;
        }

        if (payload.Length != KeyBytes + sizeof(long))
        {
            return WebChatSessionCheck.NotIssued;
        }

        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(KeyBytes)));
        if (issuedAt + _options.CurrentValue.WebChat.SessionLifetime < _clock.GetUtcNow())
        {
            return WebChatSessionCheck.Expired;
        }

        return new WebChatSessionCheck(WebEncoders.Base64UrlEncode(payload, 0, KeyBytes), null);
    }
}

/// <param name="Token">What the visitor keeps and sends back (their only credential).</param>
/// <param name="Key">The session key: the contact is <c>web:{Key}</c>.</param>
public sealed record IssuedWebChatSession(string Token, string Key);

/// <summary>A checked token: its session key, or why it is refused (with the HTTP status to answer).</summary>
public sealed record WebChatSessionCheck(string? Key, string? Problem, int Status = 200)
{
    internal static readonly WebChatSessionCheck Missing = new(null, "sessionId is missing: start a session with POST /api/webchat/{slug}/sessions.", 400);

    internal static readonly WebChatSessionCheck NotIssued =
        new(null, "sessionId is not a session this server issued for this business: start a new one with POST /api/webchat/{slug}/sessions.", 401);

    internal static readonly WebChatSessionCheck Expired = new(null, "The chat session has expired: start a new one with POST /api/webchat/{slug}/sessions.", 401);
}
