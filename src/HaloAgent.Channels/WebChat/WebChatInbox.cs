using System.Text.Json;
using HaloAgent.Channels.Inbox;
using HaloAgent.Channels.Webhooks;

namespace HaloAgent.Channels.WebChat;

/// <summary>
/// Takes a web chat visitor's message for a business: checks it and stores it like a webhook (one insert), so the inbox
/// processor hands it to the agent with the same dedupe as every channel. The page's endpoint and the Studio's test runs
/// both come in here.
/// </summary>
public sealed class WebChatInbox
{
    private readonly WebhookInbox _inbox;
    private readonly TimeProvider _clock;

    internal WebChatInbox(WebhookInbox inbox, TimeProvider clock)
    {
        _inbox = inbox;
        _clock = clock;
    }

    /// <summary>Stores the message; returns its message id, or why it was refused (then nothing is stored).</summary>
    public async Task<(string? MessageId, string? Problem)> AddAsync(string businessId, WebChatPost post, CancellationToken cancellationToken)
    {
        if (WebChatMessageParser.Problem(post) is { } problem)
        {
            return (null, problem);
        }

        var stored = post with { BusinessId = businessId, ReceivedAt = _clock.GetUtcNow().ToUnixTimeMilliseconds() };
        await _inbox.AddAsync(WebhookProviders.WebChat, JsonSerializer.SerializeToUtf8Bytes(stored, WebChatMessageParser.Json), cancellationToken);
        return ($"web.{post.SessionId}.{post.ClientMessageId}", null);
    }
}
