using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing;

namespace HaloAgent.Server.Tests;

/// <summary>
/// Two server processes on one PostgreSQL database, both running workers: every timer fires once, every event is
/// applied once, no instance advances twice. Real processes, real database, real clock.
/// </summary>
public sealed class MultiNodeTests : IAsyncLifetime
{
    private const string Flow = """
        {
          "id": "two-node", "name": "Two nodes",
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "pause", "type": "Delay", "inputs": { "duration": "2s" } },
            { "id": "count", "type": "SetVariable", "inputs": { "name": "steps", "value": "coalesce(vars.steps, 0) + 1" } },
            { "id": "wait", "type": "WaitForEvent", "inputs": { "event": "customer.replied", "variable": "reply" } },
            { "id": "after", "type": "SetVariable", "inputs": { "name": "got", "value": "vars.reply.text" } }
          ],
          "edges": [
            { "from": "start", "to": "pause" }, { "from": "pause", "to": "count" }, { "from": "count", "to": "wait" },
            { "from": "wait", "outcome": "Received", "to": "after" }
          ]
        }
        """;

    private const string OwnerEmail = "owner@multinode.test";
    private const string OwnerPassword = "correct-horse-battery";
    private readonly List<ServerNode> _nodes = [];
    private readonly List<HttpClient> _clients = [];

    public async Task InitializeAsync()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("multinode");
        var environment = new Dictionary<string, string>
        {
            ["HaloAgent__Database__Provider"] = "Postgres",
            ["ConnectionStrings__HaloAgent"] = database,
            ["HaloAgent__Engine__PollInterval"] = "00:00:00.100",
            ["HaloAgent__Engine__BatchSize"] = "20",
            ["Demo__OwnerEmail"] = OwnerEmail,
            ["Demo__OwnerPassword"] = OwnerPassword,
        };
        // Started one after the other so both apply migrations against the same database without racing to create it.
        _nodes.Add(await ServerNode.StartAsync("a", environment, CancellationToken.None));
        _nodes.Add(await ServerNode.StartAsync("b", environment, CancellationToken.None));
        foreach (var node in _nodes)
        {
            // A cookie container, so the client signs in like a browser.
            var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() })
            {
                BaseAddress = node.BaseAddress,
                Timeout = TimeSpan.FromSeconds(30),
            };
            _clients.Add(client);
            await SignIn.AsAsync(client, OwnerEmail, OwnerPassword);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task Two_nodes_fire_every_timer_once_and_apply_every_event_once()
    {
        var (a, b) = (_clients[0], _clients[1]);
        (await a.PostAsync("/api/flows/import?publish=true", Json(Flow))).EnsureSuccessStatusCode();

        const int count = 120;
        var ids = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var node = i % 2 == 0 ? a : b;
            var response = await node.PostAsync("/api/flows/two-node/instances", Json($$"""{ "correlationKey": "contact-{{i}}" }"""));
            await EnsureSuccessAsync(response);
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();
        }));

        await Eventually.ReturnsAsync(() => CountAsync(a, "Waiting", atNode: "wait"), n => n == count, TimeSpan.FromSeconds(90), "all timers fired and instances waiting for the reply");

        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var node = i % 2 == 0 ? b : a;
            var response = await node.PostAsync("/api/events", Json($$"""{ "name": "customer.replied", "correlationKey": "contact-{{i}}", "payload": { "text": "reply {{i}}" } }"""));
            await EnsureSuccessAsync(response);
        }));

        await Eventually.ReturnsAsync(() => CountAsync(b, "Completed"), n => n == count, TimeSpan.FromSeconds(90), "all instances completed");

        for (var i = 0; i < count; i++)
        {
            var instance = (await a.GetFromJsonAsync<JsonObject>($"/api/instances/{ids[i]}"))!;
            instance["variables"]!["steps"]!.GetValue<decimal>().ShouldBe(1m, $"instance {i} counted its step once");
            instance["variables"]!["got"]!.GetValue<string>().ShouldBe($"reply {i}");
            var journal = instance["journal"]!.AsArray();
            journal.Count(e => e!["nodeId"]!.GetValue<string>() == "pause" && e["kind"]!.GetValue<string>() == "resumed").ShouldBe(1);
            journal.Count(e => e!["nodeId"]!.GetValue<string>() == "wait" && e["kind"]!.GetValue<string>() == "resumed").ShouldBe(1);
            journal.Select(e => e!["sequence"]!.GetValue<long>()).ShouldBe(Enumerable.Range(1, journal.Count).Select(n => (long)n));
        }
    }

    private static async Task<int> CountAsync(HttpClient client, string status, string? atNode = null) =>
        (await client.GetFromJsonAsync<JsonArray>($"/api/instances?flowId=two-node&status={status}&take=500"))!
            .Count(i => atNode is null || i!["currentNodeId"]!.GetValue<string>() == atNode);

    /// <summary>A failure names the answer and what both nodes logged, so a one-off in CI can be diagnosed from its report.</summary>
    private async Task EnsureSuccessAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync();
        var logs = string.Join("\n", _nodes.Select(n => $"--- node {n.Name} ---\n{n.OutputTail}"));
        throw new HttpRequestException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}\n{logs}");
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
