using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HaloAgent.Commerce.Businesses;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Startup;
using HaloAgent.Server.Tests.Conversations;
using HaloAgent.Server.Tests.Dashboard;
using HaloAgent.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Apis;

/// <summary>
/// Flows and instances belong to a business: a second business's owner neither sees nor touches the first's flows,
/// instances or test runs through any endpoint, and their own flows stay theirs.
/// </summary>
public sealed class FlowIsolationTests : IAsyncLifetime
{
    private const string AskFlow = """
        {
          "id": "ask", "name": "Ask",
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "WaitForEvent", "inputs": { "event": "customer.replied", "variable": "reply" } },
            { "id": "done", "type": "SetVariable", "inputs": { "name": "answer", "value": "vars.reply.text" } }
          ],
          "edges": [ { "from": "start", "to": "wait" }, { "from": "wait", "outcome": "Received", "to": "done" } ]
        }
        """;

    private HaloAgentFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Postgres);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_second_business_neither_sees_nor_changes_the_first_business_flows_and_instances()
    {
        var first = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        (await PostJson(first, "/api/flows/import?publish=true", AskFlow)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var started = await PostJson(first, "/api/flows/ask/instances", """{ "correlationKey": "shared-key" }""");
        started.StatusCode.ShouldBe(HttpStatusCode.Created);
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();
        await WaitForStatusAsync(first, instanceId, "Waiting");
        var firstFlows = (await first.GetFromJsonAsync<JsonArray>("/api/flows"))!.Select(f => f!["id"]!.GetValue<string>()).ToList();
        firstFlows.ShouldContain("ask");
        firstFlows.ShouldContain("ordering");

        var second = await _factory.SignedInClientAsync(AuthPolicies.Owner, await DashboardSeed.SecondBusinessAsync(_factory.Services));
        (await second.GetFromJsonAsync<JsonArray>("/api/flows"))!.ShouldBeEmpty();
        (await second.GetFromJsonAsync<JsonArray>("/api/instances"))!.ShouldBeEmpty();
        (await second.GetFromJsonAsync<JsonArray>("/api/instances?flowId=ask"))!.ShouldBeEmpty();

        foreach (var (method, path, body) in new (HttpMethod, string, string?)[]
        {
            (HttpMethod.Get, "/api/flows/ask", null),
            (HttpMethod.Get, "/api/flows/ask/versions", null),
            (HttpMethod.Get, "/api/flows/ask/versions/1", null),
            (HttpMethod.Get, "/api/flows/ask/export", null),
            (HttpMethod.Put, "/api/flows/ask/draft", AskFlow.Replace("\"Ask\"", "\"Hijacked\"")),
            (HttpMethod.Delete, "/api/flows/ask/draft", null),
            (HttpMethod.Post, "/api/flows/ask/validate", null),
            (HttpMethod.Post, "/api/flows/ask/publish", null),
            (HttpMethod.Post, "/api/flows/ask/retract", null),
            (HttpMethod.Post, "/api/flows/ask/instances", "{}"),
            (HttpMethod.Post, "/api/flows/ordering/test-runs", """{ "contact": { "name": "Spy" } }"""),
            (HttpMethod.Get, $"/api/instances/{instanceId}", null),
            (HttpMethod.Post, $"/api/instances/{instanceId}/cancel", null),
            (HttpMethod.Post, $"/api/instances/{instanceId}/retry", null),
            (HttpMethod.Post, $"/api/instances/{instanceId}/migrate", """{ "version": 1, "nodeId": "done" }"""),
            (HttpMethod.Post, $"/api/instances/{instanceId}/events", """{ "name": "customer.replied", "payload": { "text": "x" } }"""),
        })
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            using var response = await second.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{method} {path}: {await response.Content.ReadAsStringAsync()}");
        }

        // Creating a flow under a taken id is refused without saying whose it is; importing one likewise.
        (await PostJson(second, "/api/flows", AskFlow)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await PostJson(second, "/api/flows/import", AskFlow)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // An event the second business raises with the same key reaches none of the first's instances.
        var raised = await PostJson(second, "/api/events", """{ "name": "customer.replied", "correlationKey": "shared-key", "payload": { "text": "not yours" } }""");
        raised.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await raised.Content.ReadFromJsonAsync<JsonObject>())!["resumedInstances"]!.AsArray().ShouldBeEmpty();

        // The second business's own flow is its own.
        (await PostJson(second, "/api/flows/import?publish=true", AskFlow.Replace("\"id\": \"ask\"", "\"id\": \"suya-ask\""))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.GetFromJsonAsync<JsonArray>("/api/flows"))!.Select(f => f!["id"]!.GetValue<string>()).ShouldBe(["suya-ask"]);
        (await first.GetAsync("/api/flows/suya-ask")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Nothing of the first's changed: the flow is published as it was, the instance still waits and takes its own reply.
        var flow = (await first.GetFromJsonAsync<JsonObject>("/api/flows/ask"))!["flow"]!;
        flow["name"]!.GetValue<string>().ShouldBe("Ask");
        flow["activeVersion"]!.GetValue<int>().ShouldBe(1);
        flow["hasDraft"]!.GetValue<bool>().ShouldBeFalse();
        (await first.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!["summary"]!["status"]!.GetValue<string>().ShouldBe("Waiting");
        var own = await PostJson(first, "/api/events", """{ "name": "customer.replied", "correlationKey": "shared-key", "payload": { "text": "mine" } }""");
        (await own.Content.ReadFromJsonAsync<JsonObject>())!["resumedInstances"]!.AsArray().Select(i => i!.GetValue<string>()).ShouldBe([instanceId]);
        var done = await WaitForStatusAsync(first, instanceId, "Completed");
        done["variables"]!["answer"]!.GetValue<string>().ShouldBe("mine");
    }

    [Fact]
    public async Task A_second_business_is_given_the_shipped_journeys_as_its_own_and_its_customers_are_answered_by_them()
    {
        var first = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        var firstFlows = (await first.GetFromJsonAsync<JsonArray>("/api/flows"))!.Select(f => f!["id"]!.GetValue<string>()).Order().ToList();
        var slug = await DashboardSeed.SecondBusinessAsync(_factory.Services);
        var business = (await _factory.Services.GetRequiredService<IBusinessDirectory>().FindBySlugAsync(slug, default))!;

        var importer = _factory.Services.GetRequiredService<ShippedFlowImporter>();
        (await importer.ImportAsync(business, default)).ShouldBe(firstFlows.Count);
        (await importer.ImportAsync(business, default)).ShouldBe(0, "importing again (every start does) changes nothing");

        // Its own copies, under ids with its slug (the file's ids are the demo business's); the first's are unchanged.
        var second = await _factory.SignedInClientAsync(AuthPolicies.Owner, slug);
        var secondFlows = (await second.GetFromJsonAsync<JsonArray>("/api/flows"))!;
        secondFlows.Select(f => f!["id"]!.GetValue<string>()).Order().ShouldBe(firstFlows.Select(id => $"{id}-{slug}").Order());
        secondFlows.ShouldAllBe(f => f!["activeVersion"]!.GetValue<int>() == 1);
        (await first.GetFromJsonAsync<JsonArray>("/api/flows"))!.Select(f => f!["id"]!.GetValue<string>()).Order().ShouldBe(firstFlows);

        // A visitor of the second business's web chat is answered by its own ordering flow, which only its owner sees.
        var visitor = new WebChatCustomer(_factory.CreateClient(), slug);
        await visitor.StartAsync();
        await visitor.SaysAsync("Hello", _ => true, "any reply from the second business's agent");
        var instances = await Eventually.ReturnsAsync(
            async () => (await second.GetFromJsonAsync<JsonArray>("/api/instances"))!,
            list => list.Any(i => i!["flowId"]!.GetValue<string>() == $"ordering-{slug}"),
            what: "the second business's ordering instance");
        instances.ShouldAllBe(i => i!["flowId"]!.GetValue<string>().EndsWith($"-{slug}"));
        var keys = instances.Select(i => i!["correlationKey"]?.GetValue<string>()).ToHashSet();
        var firstKeys = (await first.GetFromJsonAsync<JsonArray>("/api/instances"))!.Select(i => i!["correlationKey"]?.GetValue<string>());
        firstKeys.Intersect(keys).ShouldBeEmpty("the visitor started nothing of the first business's");
    }

    private static Task<HttpResponseMessage> PostJson(HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    private static Task<JsonObject> WaitForStatusAsync(HttpClient client, string id, string status) =>
        Eventually.ReturnsAsync(
            async () => (await client.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!,
            i => i["summary"]!["status"]!.GetValue<string>() == status,
            what: $"instance {id} {status}");
}
