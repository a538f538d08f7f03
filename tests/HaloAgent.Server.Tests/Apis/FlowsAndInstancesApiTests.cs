using HaloAgent.Server.Auth;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing;

namespace HaloAgent.Server.Tests.Apis;

/// <summary>The HTTP API end to end, through the real server with its workers, on each database.</summary>
public abstract class FlowsAndInstancesApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string ReplyFlow = """
        {
          "id": "reply", "name": "Reply",
          "nodes": [
            { "id": "start", "type": "Start", "position": { "x": 0, "y": 0 } },
            { "id": "ask", "type": "WaitForEvent", "inputs": { "event": "customer.replied", "variable": "reply" } },
            { "id": "check", "type": "Decision", "inputs": { "condition": "lower(vars.reply.text) contains 'yes'" } },
            { "id": "yes", "type": "SetVariable", "inputs": { "name": "answer", "value": "'confirmed'" } },
            { "id": "no", "type": "SetVariable", "inputs": { "name": "answer", "value": "'declined'" } }
          ],
          "edges": [
            { "from": "start", "to": "ask" }, { "from": "ask", "outcome": "Received", "to": "check" },
            { "from": "check", "outcome": "True", "to": "yes" }, { "from": "check", "outcome": "False", "to": "no" }
          ]
        }
        """;

    private HaloAgentFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory = await HaloAgentFactory.CreateAsync(provider);
        _client = await _factory.SignedInClientAsync(AuthPolicies.Marketer);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_server_is_healthy_and_has_imported_the_shipped_flows_as_published_version_1()
    {
        (await _client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var flows = await _client.GetFromJsonAsync<JsonArray>("/api/flows");
        var welcome = flows!.Single(f => f!["id"]!.GetValue<string>() == "welcome-journey")!;
        welcome["activeVersion"]!.GetValue<int>().ShouldBe(1);
        welcome["hasDraft"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task The_activity_catalogue_describes_inputs_and_outcomes_for_the_designer()
    {
        var activities = await _client.GetFromJsonAsync<JsonArray>("/api/activities");
        var types = activities!.Select(a => a!["type"]!.GetValue<string>()).ToList();
        types.Distinct().Count().ShouldBe(types.Count, "each activity type is listed once");
        foreach (var core in new[] { "Start", "Decision", "Switch", "Split", "Delay", "WaitForEvent", "SetVariable", "Log", "End", "UnderstandMessage", "SendMessage", "PlaceOrder" })
        {
            types.ShouldContain(core);
        }

        var decision = activities!.Single(a => a!["type"]!.GetValue<string>() == "Decision")!;
        decision["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()).ShouldBe(["True", "False"]);
        decision["inputs"]![0]!["kind"]!.GetValue<string>().ShouldBe("Condition");
        decision["inputs"]![0]!["required"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task A_flow_is_drafted_published_started_and_resumed_through_the_api()
    {
        (await PostJson("/api/flows", ReplyFlow)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await _client.GetAsync("/api/flows/reply/draft")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _client.PostAsync("/api/flows/reply/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var start = await PostJson("/api/flows/reply/instances", """{ "correlationKey": "2348031234567" }""");
        start.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await start.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();
        await WaitForStatus(id, "Waiting");

        var raised = await PostJson("/api/events", """{ "name": "customer.replied", "correlationKey": "2348031234567", "payload": { "text": "YES please" } }""");
        (await raised.Content.ReadFromJsonAsync<JsonObject>())!["resumedInstances"]!.AsArray().Count.ShouldBe(1);

        var done = await WaitForStatus(id, "Completed");
        done["variables"]!["answer"]!.GetValue<string>().ShouldBe("confirmed");
        done["journal"]!.AsArray().Select(e => e!["nodeId"]!.GetValue<string>()).ShouldBe(["start", "ask", "ask", "check", "yes"]);
        done["journal"]![3]!["outcome"]!.GetValue<string>().ShouldBe("True");

        var listed = await _client.GetFromJsonAsync<JsonArray>("/api/instances?flowId=reply&status=Completed");
        listed!.Select(i => i!["id"]!.GetValue<string>()).ShouldBe([id]);
    }

    [Fact]
    public async Task An_invalid_flow_is_refused_at_publish_with_errors_naming_node_and_field()
    {
        var invalid = ReplyFlow
            .Replace("\"to\": \"no\"", "\"to\": \"missing\"")
            .Replace("lower(vars.reply.text) contains 'yes'", "lower(vars.reply.text contains")
            .Replace("{ \"event\": \"customer.replied\", \"variable\": \"reply\" }", "{ \"variable\": \"reply\" }");
        var validation = await (await PostJson("/api/flows/validate", invalid)).Content.ReadFromJsonAsync<JsonObject>();
        validation!["valid"]!.GetValue<bool>().ShouldBeFalse();
        var errors = validation["errors"]!.AsArray().Select(e => (e!["nodeId"]?.GetValue<string>(), e["field"]?.GetValue<string>())).ToList();
        errors.ShouldContain(("check", "edges"));
        errors.ShouldContain(("check", "condition"));
        errors.ShouldContain(("ask", "event"));

        (await PostJson("/api/flows", invalid)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var publish = await _client.PostAsync("/api/flows/reply/publish", null);
        publish.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await publish.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray().Count.ShouldBeGreaterThanOrEqualTo(3);
        (await _client.GetFromJsonAsync<JsonObject>("/api/flows/reply"))!["flow"]!["activeVersion"].ShouldBeNull();
    }

    [Fact]
    public async Task Bad_requests_get_clear_errors_and_change_nothing()
    {
        var malformed = await PostJson("/api/flows/import?publish=true", "{ \"id\": \"x\", \"nodes\": [ ");
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await malformed.Content.ReadAsStringAsync()).ShouldContain("not valid JSON");

        (await _client.GetAsync("/api/instances/does-not-exist")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _client.PostAsync("/api/instances/does-not-exist/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _client.GetAsync("/api/flows/nope")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PostJson("/api/events", """{ "name": "" }""")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _client.GetAsync("/api/instances?status=Sleeping")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Viewing a published flow's draft does not create one.
        (await _client.GetAsync("/api/flows/welcome-journey/draft")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _client.GetFromJsonAsync<JsonArray>("/api/flows/welcome-journey/versions"))!.Count.ShouldBe(1);
        (await _client.GetFromJsonAsync<JsonArray>("/api/flows"))!.Count.ShouldBe(Directory.GetFiles(System.IO.Path.Combine(RepositoryRoot.Path, "workflows"), "*.json").Length);
    }

    [Fact]
    public async Task Events_for_finished_instances_and_stale_draft_saves_are_conflicts()
    {
        await PostJson("/api/flows/import?publish=true", ReplyFlow);
        var id = (await (await PostJson("/api/flows/reply/instances", """{ "correlationKey": "c1" }""")).Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();
        await WaitForStatus(id, "Waiting");
        (await _client.PostAsync($"/api/instances/{id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var late = await PostJson($"/api/instances/{id}/events", """{ "name": "customer.replied", "payload": { "text": "yes" } }""");
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await _client.PostAsync($"/api/instances/{id}/retry", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var first = await Put("/api/flows/reply/draft", ReplyFlow.Replace("'confirmed'", "'ok'"));
        var revision = (await first.Content.ReadFromJsonAsync<JsonObject>())!["revision"]!.GetValue<int>();
        (await Put($"/api/flows/reply/draft?revision={revision}", ReplyFlow)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await Put($"/api/flows/reply/draft?revision={revision}", ReplyFlow.Replace("'declined'", "'nope'"));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("saved by someone else");
    }

    [Fact]
    public async Task A_flow_exports_as_json_that_imports_again()
    {
        var export = await _client.GetAsync("/api/flows/welcome-journey/export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await export.Content.ReadAsStringAsync();
        var document = JsonNode.Parse(json)!;
        document["version"]!.GetValue<int>().ShouldBe(1);

        var copy = json.Replace("\"welcome-journey\"", "\"welcome-copy\"");
        (await PostJson("/api/flows/import?publish=true", copy)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _client.GetFromJsonAsync<JsonObject>("/api/flows/welcome-copy"))!["flow"]!["activeVersion"]!.GetValue<int>().ShouldBe(1);
        (await _client.GetAsync("/api/flows/schema")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private Task<HttpResponseMessage> PostJson(string url, string json) =>
        _client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    private Task<HttpResponseMessage> Put(string url, string json) =>
        _client.PutAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    private Task<JsonObject> WaitForStatus(string id, string status) =>
        Eventually.ReturnsAsync(
            async () => (await _client.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!,
            i => i["summary"]!["status"]!.GetValue<string>() == status,
            what: $"instance {id} {status}");
}

public sealed class SqliteFlowsAndInstancesApiTests() : FlowsAndInstancesApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresFlowsAndInstancesApiTests() : FlowsAndInstancesApiTests(DatabaseProvider.Postgres);
