using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HaloAgent.Engine;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HaloAgent.Server.Tests.Apis;

/// <summary>
/// Issue 10, item 1: a signed-in POST of a 30,000-node chain (3.6 MB) crashed the process. Flow size limits are
/// answered 413 (document bytes) or 422 (nodes, edges) on every endpoint that takes a flow, and nothing is stored.
/// </summary>
public abstract class FlowLimitsApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private HaloAgentFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory = await HaloAgentFactory.CreateAsync(provider);
        _client = await _factory.SignedInClientAsync(AuthPolicies.Marketer);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static string Chain(string id, int length) => LargeFlows.Chain(id, length);

    private static readonly string[] Endpoints = ["POST /api/flows/validate", "POST /api/flows", "PUT /api/flows/chain/draft", "POST /api/flows/import", "POST /api/flows/import?publish=true"];

    private Task<HttpResponseMessage> Send(string endpoint, string json)
    {
        var (method, url) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
        return _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
    }

    [Fact]
    public async Task A_30000_node_chain_is_refused_with_413_everywhere_and_the_server_stays_up()
    {
        var chain = Chain("chain", 30_000);
        Encoding.UTF8.GetByteCount(chain).ShouldBeGreaterThan(3_000_000);

        foreach (var endpoint in Endpoints)
        {
            var response = await Send(endpoint, chain);

            response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, endpoint);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            problem["status"]!.GetValue<int>().ShouldBe(413);
            problem["detail"]!.GetValue<string>().ShouldBe("The flow document is larger than 1,048,576 bytes (HaloAgent:Engine:Limits:MaxDocumentBytes).");
        }

        (await _client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _client.GetAsync("/api/flows/chain")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Too_many_nodes_within_the_byte_limit_is_422_with_the_limit_everywhere_and_stores_nothing()
    {
        var chain = Chain("chain", 2_500);
        Encoding.UTF8.GetByteCount(chain).ShouldBeLessThan(1_048_576);

        foreach (var endpoint in Endpoints)
        {
            var response = await Send(endpoint, chain);

            response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, endpoint);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            problem["title"]!.GetValue<string>().ShouldBe("The flow is too large.");
            problem["detail"]!.GetValue<string>().ShouldContain("The flow has 2,501 nodes; at most 2,000 are allowed (HaloAgent:Engine:Limits:MaxNodes).");
            problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ShouldBe(["nodes"]);
        }

        (await _client.GetAsync("/api/flows/chain")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Publishing_a_draft_over_the_limits_is_422()
    {
        (await Send("POST /api/flows", Chain("chain", 30))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await _client.PostAsync("/api/flows/chain/validate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The limit is lowered after the draft was saved (a configuration change): publish and validate refuse it.
        var limits = _factory.Services.GetRequiredService<IOptions<EngineLimits>>().Value;
        limits.MaxNodes = 10;
        try
        {
            var publish = await _client.PostAsync("/api/flows/chain/publish", null);
            publish.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            (await publish.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldContain("at most 10 are allowed");
            (await _client.PostAsync("/api/flows/chain/validate", null)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            (await _client.GetFromJsonAsync<JsonObject>("/api/flows/chain"))!["flow"]!["activeVersion"].ShouldBeNull();
        }
        finally
        {
            limits.MaxNodes = new EngineLimits().MaxNodes;
        }
    }

    [Fact]
    public async Task An_invalid_import_is_refused_before_anything_is_stored_even_as_a_draft()
    {
        var busyLoop = """
            {
              "id": "busy", "name": "Busy",
              "nodes": [
                { "id": "start", "type": "Start" },
                { "id": "wait", "type": "Delay", "inputs": { "duration": "0s" } },
                { "id": "log", "type": "SetVariable", "inputs": { "name": "x", "value": "1" } }
              ],
              "edges": [ { "from": "start", "to": "wait" }, { "from": "wait", "to": "log" }, { "from": "log", "to": "wait" } ]
            }
            """;

        foreach (var endpoint in new[] { "POST /api/flows/import", "POST /api/flows/import?publish=true" })
        {
            var response = await Send(endpoint, busyLoop);

            response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, endpoint);
            (await response.Content.ReadAsStringAsync()).ShouldContain("Loop without a wait: wait -> log -> wait");
        }

        (await _client.GetAsync("/api/flows/busy")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class SqliteFlowLimitsApiTests() : FlowLimitsApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresFlowLimitsApiTests() : FlowLimitsApiTests(DatabaseProvider.Postgres);
