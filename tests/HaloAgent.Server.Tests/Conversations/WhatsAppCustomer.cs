using System.Net;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.FakeGraph;

namespace HaloAgent.Server.Tests.Conversations;

/// <summary>A customer chatting with the business through Meta's signed webhook; the business's replies arrive at the fake Graph server.</summary>
public sealed class WhatsAppCustomer(HttpClient server, FakeGraphServer graph, string appSecret, string phone)
{
    public string Phone { get; } = phone;

    public string? LastMessageId { get; private set; }

    public IReadOnlyList<FakeGraphRequest> Replies => graph.Sent.Where(r => r.To == Phone).ToList();

    public Task<IReadOnlyList<FakeGraphRequest>> SaysAsync(string text, Func<FakeGraphRequest, bool> expected, string what) =>
        SendAsync(new WhatsAppWebhookBuilder().Text(Phone, text, name: "Ada"), expected, what);

    public Task<IReadOnlyList<FakeGraphRequest>> TapsAsync(string id, string title, Func<FakeGraphRequest, bool> expected, string what) =>
        SendAsync(new WhatsAppWebhookBuilder().ButtonReply(Phone, id, title, name: "Ada"), expected, what);

    /// <summary>Posts the webhook and waits for a reply matching <paramref name="expected"/>; returns the replies to this message.</summary>
    public async Task<IReadOnlyList<FakeGraphRequest>> SendAsync(WhatsAppWebhookBuilder hook, Func<FakeGraphRequest, bool> expected, string what)
    {
        var before = Replies.Count;
        await PostAsync(hook);
        var replies = await Eventually.ReturnsAsync(
            () => Task.FromResult(Replies.Skip(before).ToList()),
            r => r.Any(expected),
            TimeSpan.FromSeconds(30),
            $"{Phone}: {what}");
        return replies;
    }

    public async Task PostAsync(WhatsAppWebhookBuilder hook)
    {
        using var response = await server.SendAsync(hook.Sign(appSecret).ToRequest("/webhooks/whatsapp"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        LastMessageId = hook.LastMessageId;
    }
}
