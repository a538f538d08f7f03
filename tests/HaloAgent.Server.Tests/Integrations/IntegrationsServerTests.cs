using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Dashboard;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HaloAgent.Server.Tests.Integrations;

/// <summary>
/// The integrations module wired into the real server: its endpoints are the owner's alone, an event raised in the
/// business reaches a webhook through the server's own worker, and <c>/hooks</c> takes calls without a session.
/// </summary>
public sealed class IntegrationsServerTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Signature, byte[] Body)> _received = new();
    private HaloAgentFactory _factory = null!;
    private WebApplication _receiver = null!;
    private string _receiverUrl = "";

    public async Task InitializeAsync()
    {
        _receiver = LoopbackHost.Create();
        _receiver.MapPost("/n8n", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            // Copied now: Kestrel reuses the header collection once the request ends.
            _received.Enqueue((context.Request.Headers["X-Halo-Signature"].ToString(), buffer.ToArray()));
            return Results.Ok();
        });
        _receiverUrl = await LoopbackHost.StartAsync(_receiver);
        _factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            ["HaloAgent:Integrations:AllowPrivateTargets"] = "true",
            ["HaloAgent:Integrations:PollInterval"] = "00:00:00.100",
        });
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task Only_owners_manage_integrations_and_a_business_event_reaches_the_webhook_signed()
    {
        foreach (var role in new[] { AuthPolicies.Agent, AuthPolicies.Marketer })
        {
            var client = await _factory.SignedInClientAsync(role);
            (await client.GetAsync("/api/integrations/webhooks")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await _factory.CreateClient().GetAsync("/api/integrations/webhooks")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        using var created = await owner.PostAsJsonAsync("/api/integrations/webhooks", new { url = $"{_receiverUrl}/n8n", events = new[] { "contact.created" } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var secret = (await created.Content.ReadFromJsonAsync<JsonObject>())!["secret"]!.GetValue<string>();

        using var raised = await owner.PostAsJsonAsync("/api/events", new { name = "contact.created", correlationKey = "c-1", payload = new { id = "c-1", name = "Ada" } });
        raised.StatusCode.ShouldBe(HttpStatusCode.OK, await raised.Content.ReadAsStringAsync());
        await Eventually.ReturnsAsync(() => Task.FromResult(_received.Count), n => n >= 1, TimeSpan.FromSeconds(20), "the webhook delivery");

        var (signature, body) = _received.Single();
        signature.ShouldBe("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)));
        var json = JsonNode.Parse(body)!;
        json["event"]!.GetValue<string>().ShouldBe("contact.created");
        json["data"]!["name"]!.GetValue<string>().ShouldBe("Ada");
        json["businessId"]!.GetValue<string>().ShouldBe(await DashboardSeed.DemoBusinessIdAsync(_factory.Services));
    }

    [Fact]
    public async Task An_incoming_hook_needs_no_session_only_the_trigger_s_secret()
    {
        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        using var created = await owner.PostAsJsonAsync("/api/integrations/triggers", new { name = "new-lead" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var trigger = (await created.Content.ReadFromJsonAsync<JsonObject>())!;

        var anonymous = _factory.CreateClient();
        using var wrong = new HttpRequestMessage(HttpMethod.Post, trigger["path"]!.GetValue<string>()) { Content = JsonContent.Create(new { name = "Ada" }) };
        wrong.Headers.Add("X-Halo-Secret", "not-it");
        (await anonymous.SendAsync(wrong)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var right = new HttpRequestMessage(HttpMethod.Post, trigger["path"]!.GetValue<string>()) { Content = JsonContent.Create(new { name = "Ada" }) };
        right.Headers.Add("X-Halo-Secret", trigger["secret"]!.GetValue<string>());
        (await anonymous.SendAsync(right)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }
}
