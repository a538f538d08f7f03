using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Dashboard;
using HaloAgent.Server.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Marketing;

/// <summary>
/// Experiments through the API: a Split node's funnel and verdict, its messages carrying the variant, refusals that
/// name the problem and change nothing, promotion to a version with the winner's branch only, and business isolation.
/// </summary>
public sealed class ExperimentsApiTests
{
    private const long OrderKobo = ExperimentSeed.OrderKobo;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_split_is_an_experiment_read_with_its_funnel_and_verdict_and_its_winner_is_promoted(DatabaseProvider provider)
    {
        await using var factory = await HaloAgentFactory.CreateAsync(provider);
        var services = factory.Services;
        var businessId = await DashboardSeed.DemoBusinessIdAsync(services);
        var owner = await factory.SignedInClientAsync(AuthPolicies.Owner);
        var marketer = await factory.SignedInClientAsync(AuthPolicies.Marketer);
        await ImportAsync(owner, "ab-menu");

        // Real instances: the engine assigns the variant and the menu goes out carrying it.
        var runners = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var contact = await DashboardSeed.ContactAsync(services, businessId, $"23480312500{i:00}", $"Runner {i}");
            runners.Add(contact.Id);
            await RunAsync(owner, "ab-menu", contact.Id);
        }

        var engine = services.GetRequiredService<EngineDatabase>();
        var sent = await engine.ReadAsync(async (db, ct) => (await db.Database.GetDbConnection().QueryAsync<(string Recipient, string Callback)>(
            new CommandDefinition("SELECT recipient, biz_opaque_callback_data FROM outbound_messages WHERE business_id = @businessId", new { businessId }, cancellationToken: ct))).ToList(), default);
        sent.Select(m => m.Recipient).Distinct().Count().ShouldBe(4);
        sent.ShouldAllBe(m => m.Callback == "ab-menu/menu-a|split=A" || m.Callback == "ab-menu/menu-b|split=B");
        var firstVariant = sent[0].Callback.EndsWith("=A", StringComparison.Ordinal) ? "A" : "B";
        await engine.WriteAsync(scope => scope.Connection.ExecuteAsync(scope.Command(
            "UPDATE outbound_messages SET status = 'delivered' WHERE recipient = @Recipient", new { sent[0].Recipient })), default);

        var early = await GetAsync(marketer, "ab-menu:split");
        early["verdict"]!["kind"]!.GetValue<string>().ShouldBe("not_enough_data");
        Variant(early, firstVariant)["delivered"]!.GetValue<long>().ShouldBe(1);
        // The menu may go out as several lists: exposure counts contacts, not messages.
        Variant(early, "A")["exposed"]!.GetValue<long>().ShouldBe(sent.Where(m => m.Callback.EndsWith("=A", StringComparison.Ordinal)).Select(m => m.Recipient).Distinct().Count());
        (Variant(early, "A")["exposed"]!.GetValue<long>() + Variant(early, "B")["exposed"]!.GetValue<long>()).ShouldBe(runners.Count);
        using (var tooEarly = await marketer.PostAsync("/api/experiments/ab-menu:split/promote", null))
        {
            tooEarly.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await tooEarly.Content.ReadAsStringAsync()).ShouldContain("before the minimum sample");
        }

        // 1000 more per variant: A converts 10 %, B 20 % within the goal window; A's late orders (day 10) do not count.
        var exposedAt = DateTimeOffset.UtcNow.AddDays(-12).ToUnixTimeMilliseconds();
        await ExperimentSeed.SeedAsync(services, businessId, "ab-menu", "A", 1000, converted: 100, late: 50, exposedAt);
        await ExperimentSeed.SeedAsync(services, businessId, "ab-menu", "B", 1000, converted: 200, late: 0, exposedAt);

        var detail = await GetAsync(marketer, "ab-menu:split");
        var a = Variant(detail, "A");
        var b = Variant(detail, "B");
        a["converted"]!.GetValue<long>().ShouldBe(100);
        b["converted"]!.GetValue<long>().ShouldBe(200);
        b["revenueKobo"]!.GetValue<long>().ShouldBe(200 * OrderKobo);
        b["conversionInterval"]!["low"]!.GetValue<double>().ShouldBeLessThan(b["conversionRate"]!.GetValue<double>());
        a["control"]!.GetValue<bool>().ShouldBeTrue();
        b["vsControl"]!["lift"]!.GetValue<double>().ShouldBeGreaterThan(0.9);
        detail["sampleRatio"]!["mismatch"]!.GetValue<bool>().ShouldBeFalse();
        detail["verdict"]!["winner"]!.GetValue<string>().ShouldBe("B");
        detail["verdict"]!["sentence"]!.GetValue<string>().ShouldStartWith("B beats A with > 99 % chance; +");
        detail["verdict"]!["sentence"]!.GetValue<string>().ShouldContain(" orders, interval +");

        // Bad input: named, and nothing changes.
        using (var unknown = await marketer.PostAsync("/api/experiments/ab-menu:nope/promote", null))
        {
            unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await unknown.Content.ReadAsStringAsync()).ShouldContain("No experiment 'ab-menu:nope'");
        }

        using (var badVariant = await marketer.PostAsJsonAsync("/api/experiments/ab-menu:split/promote", new { variant = "C" }))
        {
            badVariant.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await badVariant.Content.ReadAsStringAsync()).ShouldContain("'C' is not a variant");
        }

        (await owner.GetFromJsonAsync<JsonObject>("/api/flows/ab-menu"))!["flow"]!["activeVersion"]!.GetValue<int>().ShouldBe(1);

        // Another business sees nothing and can change nothing; an agent is not let in.
        var stranger = await factory.SignedInClientAsync(AuthPolicies.Owner, await DashboardSeed.SecondBusinessAsync(services));
        (await stranger.GetFromJsonAsync<JsonArray>("/api/experiments"))!.ShouldBeEmpty();
        (await stranger.GetAsync("/api/experiments/ab-menu:split")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostAsync("/api/experiments/ab-menu:split/promote", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var agent = await factory.SignedInClientAsync(AuthPolicies.Agent);
        (await agent.GetAsync("/api/experiments")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using (var promoted = await marketer.PostAsync("/api/experiments/ab-menu:split/promote", null))
        {
            promoted.StatusCode.ShouldBe(HttpStatusCode.OK, await promoted.Content.ReadAsStringAsync());
            var body = (await promoted.Content.ReadFromJsonAsync<JsonObject>())!;
            body["status"]!.GetValue<string>().ShouldBe("promoted");
            body["winner"]!.GetValue<string>().ShouldBe("B");
            body["promotedVersion"]!.GetValue<int>().ShouldBe(2);
        }

        var v2 = (await owner.GetFromJsonAsync<JsonObject>("/api/flows/ab-menu/versions/2"))!;
        var definition = v2["definition"]!;
        definition["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ShouldBe(["start", "split", "menu-b"]);
        definition["nodes"]![1]!["type"]!.GetValue<string>().ShouldBe("Log");
        definition["edges"]!.AsArray().Select(e => $"{e!["from"]}>{e["to"]}").ShouldBe(["start>split", "split>menu-b"]);
        (await owner.GetFromJsonAsync<JsonObject>("/api/flows/ab-menu"))!["flow"]!["activeVersion"]!.GetValue<int>().ShouldBe(2);
        var listed = (await marketer.GetFromJsonAsync<JsonArray>("/api/experiments"))!.Single(e => e!["id"]!.GetValue<string>() == "ab-menu:split")!;
        listed["status"]!.GetValue<string>().ShouldBe("promoted");
        (await marketer.PostAsync("/api/experiments/ab-menu:split/promote", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // A new contact now goes the winner's way only.
        var late = await DashboardSeed.ContactAsync(services, businessId, "2348031259999", "Late");
        var run = await RunAsync(owner, "ab-menu", late.Id);
        run["summary"]!["version"]!.GetValue<int>().ShouldBe(2);

        // An experiment on a retracted flow is shown, but neither stopped nor promoted.
        await ImportAsync(owner, "ab-gone");
        (await owner.PostAsync("/api/flows/ab-gone/retract", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetAsync(marketer, "ab-gone:split"))["flowPublished"]!.GetValue<bool>().ShouldBeFalse();
        using var retracted = await marketer.PostAsync("/api/experiments/ab-gone:split/stop", null);
        retracted.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await retracted.Content.ReadAsStringAsync()).ShouldContain("'ab-gone' is retracted");
        (await GetAsync(marketer, "ab-gone:split"))["status"]!.GetValue<string>().ShouldBe("running");
    }

    [Fact]
    public async Task A_stopped_experiment_sends_every_new_contact_the_control_and_counts_no_more_exposures()
    {
        await using var factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite);
        var services = factory.Services;
        var businessId = await DashboardSeed.DemoBusinessIdAsync(services);
        var owner = await factory.SignedInClientAsync(AuthPolicies.Owner);
        var marketer = await factory.SignedInClientAsync(AuthPolicies.Marketer);
        await ImportAsync(owner, "ab-stop");
        using (var stopped = await marketer.PostAsync("/api/experiments/ab-stop:split/stop", null))
        {
            stopped.StatusCode.ShouldBe(HttpStatusCode.OK, await stopped.Content.ReadAsStringAsync());
        }

        // Contacts the split would have sent to B: after the stop they get A, the control, and are no exposure.
        var variants = new[] { new WeightedVariant("A", 50), new WeightedVariant("B", 50) };
        var toB = new List<string>();
        for (var i = 0; toB.Count < 3; i++)
        {
            var contact = await DashboardSeed.ContactAsync(services, businessId, $"23480312{i:0000}", $"After stop {i}");
            if (HashingVariantAssigner.Pick(new VariantAssignmentRequest("ab-stop", "split", contact.Id, "", variants)) == "B")
            {
                toB.Add(contact.Id);
            }
        }

        foreach (var contactId in toB)
        {
            var run = await RunAsync(owner, "ab-stop", contactId);
            run["journal"]!.AsArray().Select(e => e!["nodeId"]!.GetValue<string>()).ShouldContain("menu-a");
            run["journal"]!.AsArray().Select(e => e!["nodeId"]!.GetValue<string>()).ShouldNotContain("menu-b");
        }

        var view = await GetAsync(marketer, "ab-stop:split");
        view["status"]!.GetValue<string>().ShouldBe("stopped");
        (Variant(view, "A")["exposed"]!.GetValue<long>() + Variant(view, "B")["exposed"]!.GetValue<long>()).ShouldBe(0);
    }

    private static async Task ImportAsync(HttpClient owner, string id)
    {
        using var imported = await owner.PostAsync("/api/flows/import?publish=true", Json(ExperimentSeed.Flow(id, "Menu test")));
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
    }

    private static async Task<JsonObject> RunAsync(HttpClient owner, string flowId, string contactId)
    {
        using var started = await owner.PostAsync($"/api/flows/{flowId}/instances", Json($$"""{ "correlationKey": "{{contactId}}" }"""));
        started.StatusCode.ShouldBe(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var id = (await started.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();
        return await Eventually.ReturnsAsync(
            async () => (await owner.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!,
            i => i["summary"]!["status"]!.GetValue<string>() == "Completed",
            what: $"instance {id} completed");
    }

    private static async Task<JsonObject> GetAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync($"/api/experiments/{id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static JsonObject Variant(JsonObject experiment, string name) =>
        experiment["variants"]!.AsArray().Single(v => v!["name"]!.GetValue<string>() == name)!.AsObject();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
