using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Dashboard;
using HaloAgent.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Marketing;

/// <summary>A saved segment as a flow condition: the "In segment?" step goes Yes for a member and No for anyone else.</summary>
public sealed class SegmentConditionTests : IAsyncLifetime
{
    private const string Flow = """
        {
          "id": "vip-check", "name": "VIP check",
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "check", "type": "InSegment", "inputs": { "segment": "SEGMENT" } },
            { "id": "yes", "type": "SetVariable", "inputs": { "name": "vip", "value": "true" } },
            { "id": "no", "type": "SetVariable", "inputs": { "name": "vip", "value": "false" } }
          ],
          "edges": [
            { "from": "start", "to": "check" }, { "from": "check", "outcome": "Yes", "to": "yes" }, { "from": "check", "outcome": "No", "to": "no" }
          ]
        }
        """;

    private HaloAgentFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_flow_branches_on_whether_its_contact_is_in_a_saved_segment_and_names_a_missing_segment()
    {
        var businessId = await DashboardSeed.DemoBusinessIdAsync(_factory.Services);
        var contacts = _factory.Services.GetRequiredService<IContactService>();
        var ada = (await contacts.UpsertFromInboundAsync(businessId, "2348031240001", "Ada", null, null, default)).Contact;
        var bola = (await contacts.UpsertFromInboundAsync(businessId, "2348031240002", "Bola", null, null, default)).Contact;
        await contacts.SetTagsAsync(ada.Id, ["vip"], default);
        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        using (var saved = await owner.PostAsJsonAsync("/api/segments", new
        {
            name = "VIPs", filter = new { match = "all", conditions = new object[] { new { field = "tag", op = "has", value = "vip" } } },
        }))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        using (var imported = await owner.PostAsync("/api/flows/import?publish=true", Json(Flow.Replace("SEGMENT", "VIPs", StringComparison.Ordinal))))
        {
            imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        }

        (await RunAsync(owner, ada.Id, "Completed"))["variables"]!["vip"]!.GetValue<bool>().ShouldBeTrue();
        (await RunAsync(owner, bola.Id, "Completed"))["variables"]!["vip"]!.GetValue<bool>().ShouldBeFalse();

        // The segment changes: the next check follows it.
        await contacts.SetTagsAsync(bola.Id, ["vip"], default);
        (await RunAsync(owner, bola.Id, "Completed"))["variables"]!["vip"]!.GetValue<bool>().ShouldBeTrue();

        using (var renamed = await owner.PostAsync("/api/flows/import?publish=true", Json(Flow.Replace("SEGMENT", "Gone", StringComparison.Ordinal))))
        {
            renamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var faulted = await RunAsync(owner, ada.Id, "Faulted");
        faulted["incident"]!["message"]!.GetValue<string>().ShouldStartWith("There is no segment 'Gone'");
    }

    private static async Task<JsonObject> RunAsync(HttpClient owner, string contactId, string status)
    {
        using var started = await owner.PostAsync("/api/flows/vip-check/instances", Json($$"""{ "correlationKey": "{{contactId}}" }"""));
        started.StatusCode.ShouldBe(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var id = (await started.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();
        return await Eventually.ReturnsAsync(
            async () => (await owner.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!,
            i => i["summary"]!["status"]!.GetValue<string>() == status,
            what: $"instance {id} {status}");
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
