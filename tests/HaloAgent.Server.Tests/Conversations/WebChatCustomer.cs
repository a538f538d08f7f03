using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HaloAgent.Server.Tests.Support;

namespace HaloAgent.Server.Tests.Conversations;

/// <summary>A visitor on the business's web chat page, speaking its JSON API; replies are read from the transcript.</summary>
public sealed class WebChatCustomer(HttpClient server, string slug)
{
    private int _sent;

    public string SessionId { get; private set; } = "";

    private string Api => $"/api/webchat/{slug}";

    public async Task StartAsync()
    {
        using var response = await server.PostAsync($"{Api}/sessions", null);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        SessionId = (await response.Content.ReadFromJsonAsync<JsonObject>())!["sessionId"]!.GetValue<string>();
    }

    public Task<IReadOnlyList<JsonObject>> SaysAsync(string text, Func<JsonObject, bool> expected, string what) =>
        SendAsync(new { text }, expected, what);

    public Task<IReadOnlyList<JsonObject>> TapsAsync(string id, string title, Func<JsonObject, bool> expected, string what) =>
        SendAsync(new { reply = new { id, title } }, expected, what);

    /// <summary>The agent's messages so far, oldest first.</summary>
    public async Task<IReadOnlyList<JsonObject>> RepliesAsync()
    {
        var transcript = (await server.GetFromJsonAsync<JsonObject>($"{Api}/messages?sessionId={SessionId}"))!;
        return transcript["messages"]!.AsArray().Select(m => m!.AsObject()).Where(m => m["direction"]!.GetValue<string>() == "outbound").ToList();
    }

    private async Task<IReadOnlyList<JsonObject>> SendAsync(object content, Func<JsonObject, bool> expected, string what)
    {
        var before = (await RepliesAsync()).Count;
        var body = JsonSerializer.SerializeToNode(content)!.AsObject();
        body["sessionId"] = SessionId;
        body["clientMessageId"] = $"m{++_sent}";
        using var response = await server.PostAsJsonAsync($"{Api}/messages", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        return await Eventually.ReturnsAsync(
            async () => (IReadOnlyList<JsonObject>)(await RepliesAsync()).Skip(before).ToList(),
            r => r.Any(expected),
            TimeSpan.FromSeconds(30),
            $"web chat: {what}");
    }
}
