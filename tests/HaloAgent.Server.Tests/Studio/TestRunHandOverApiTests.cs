using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing;

namespace HaloAgent.Server.Tests.Studio;

/// <summary>A test run whose flow hands the chat to a person ends as a hand-over, with the reason, not as "Completed".</summary>
public sealed class TestRunHandOverApiTests
{
    [Fact]
    public async Task Asking_for_a_person_in_a_test_run_of_the_ordering_flow_ends_it_as_handed_over_with_the_reason()
    {
        await using var factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Postgres);
        using var owner = await factory.SignedInClientAsync(AuthPolicies.Owner);
        using var created = await owner.PostAsJsonAsync("/api/flows/ordering/test-runs", new { contact = new { name = "Sandbox Sade", language = "en" } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var runId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["runId"]!.GetValue<string>();

        (await owner.PostAsJsonAsync($"/api/test-runs/{runId}/messages", new { text = "I want to talk to a person" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var run = await Eventually.ReturnsAsync(
            async () => (await owner.GetFromJsonAsync<JsonObject>($"/api/test-runs/{runId}"))!,
            r => r["status"]!.GetValue<string>() is not ("NotStarted" or "Running" or "Waiting"),
            TimeSpan.FromSeconds(60),
            "the run to finish");

        run["status"]!.GetValue<string>().ShouldBe("HandedOver", run.ToJsonString());
        run["handOver"]!["nodeId"]!.GetValue<string>().ShouldBe("escalate");
        run["handOver"]!["reason"]!.GetValue<string>().ShouldBe("The customer asked for a person.");

        // Ended by the Studio, it still reads as a hand-over (from its snapshot).
        (await owner.DeleteAsync($"/api/test-runs/{runId}")).IsSuccessStatusCode.ShouldBeTrue();
        var ended = (await owner.GetFromJsonAsync<JsonObject>($"/api/test-runs/{runId}"))!;
        ended["status"]!.GetValue<string>().ShouldBe("Ended");
        ended["handOver"]!["reason"]!.GetValue<string>().ShouldBe("The customer asked for a person.");
    }

    [Fact]
    public async Task A_run_that_finishes_without_a_hand_over_still_completes()
    {
        await using var factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var owner = await factory.SignedInClientAsync(AuthPolicies.Owner);
        var definition = JsonNode.Parse("""
            { "id": "note", "name": "Note", "nodes": [
                { "id": "start", "type": "Start", "inputs": { "trigger": "event", "event": "message.received" } },
                { "id": "note", "type": "SetVariable", "inputs": { "name": "seen", "value": "true" } } ],
              "edges": [ { "from": "start", "to": "note" } ] }
            """);
        (await owner.PostAsJsonAsync("/api/flows", definition)).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var created = await owner.PostAsJsonAsync("/api/flows/note/test-runs", new { definition, contact = new { name = "Sandbox Sade", language = "en" } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var runId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["runId"]!.GetValue<string>();
        (await owner.PostAsJsonAsync($"/api/test-runs/{runId}/messages", new { text = "hello" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var run = await Eventually.ReturnsAsync(
            async () => (await owner.GetFromJsonAsync<JsonObject>($"/api/test-runs/{runId}"))!,
            r => r["status"]!.GetValue<string>() is not ("NotStarted" or "Running" or "Waiting"),
            TimeSpan.FromSeconds(60),
            "the run to finish");
        run["status"]!.GetValue<string>().ShouldBe("Completed", run.ToJsonString());
        run["handOver"].ShouldBeNull();
    }
}
