using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing;

namespace HaloAgent.Server.Tests.Studio;

/// <summary>
/// A Send message node's own text, written in the Studio per language: previewed, checked under the rules of the
/// template files (hostile text refused, located by node and language), and sent in the customer's language.
/// </summary>
public sealed class WrittenMessagesApiTests : IAsyncLifetime
{
    private HaloAgentFactory _factory = null!;
    private HttpClient _owner = null!;

    public async Task InitializeAsync()
    {
        _factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite);
        _owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
    }

    public async Task DisposeAsync()
    {
        _owner.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task A_written_text_previews_in_its_language_with_the_sample_data()
    {
        using var response = await _owner.PostAsJsonAsync("/api/templates/preview", new
        {
            text = "Ẹ kú àbọ̀ {{contact.name}}! {{naira order.totalKobo}}",
            language = "yo",
            data = new { contact = new { name = "Ada" }, order = new { totalKobo = 800000 } },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var text = (await response.Content.ReadFromJsonAsync<JsonObject>())!["text"]!.GetValue<string>();
        text.ShouldStartWith("Ẹ kú àbọ̀ Ada! ");
        text.ShouldContain("8,000");
    }

    [Theory]
    [InlineData("Hi {{shout contact.name}}", "Unknown helper 'shout'")]
    [InlineData("{{> signature}}", "Unknown partial 'signature'")]
    [InlineData("{{#if a}}{{#if b}}", "")]
    [InlineData("   ", "must not be empty")]
    public async Task Hostile_or_broken_text_is_refused_with_what_is_wrong(string text, string problem)
    {
        using var response = await _owner.PostAsJsonAsync("/api/templates/preview", new { text, language = "en", data = new { } });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldContain(problem);
    }

    [Fact]
    public async Task Text_nested_too_deeply_or_too_long_is_refused_as_the_template_files_are()
    {
        var deep = string.Concat(Enumerable.Repeat("{{#if a}}", 1_000)) + "x" + string.Concat(Enumerable.Repeat("{{/if}}", 1_000));
        using var nested = await _owner.PostAsJsonAsync("/api/templates/preview", new { text = deep, language = "en" });
        nested.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await nested.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldContain("nested too deeply");

        using var longText = await _owner.PostAsJsonAsync("/api/templates/preview", new { text = new string('a', 30_000), language = "en" });
        longText.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_flow_with_hostile_or_incomplete_texts_is_reported_by_node_and_language()
    {
        var flow = Flow("written-check", new JsonObject { ["yo"] = "{{> footer}}", ["xx"] = "hi" });
        using var response = await _owner.PostAsync("/api/flows/validate", new StringContent(flow.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray()
            .Select(e => $"{e!["nodeId"]}|{e["field"]}|{e["message"]}").ToList();
        errors.ShouldContain(e => e.StartsWith("say|texts.yo|", StringComparison.Ordinal) && e.Contains("Unknown partial 'footer'"));
        errors.ShouldContain(e => e.StartsWith("say|texts.en|", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("say|texts.xx|", StringComparison.Ordinal));

        // Publishing it is refused; the same flow with good texts publishes.
        (await _owner.PostAsync("/api/flows/import?publish=true", new StringContent(flow.ToJsonString(), System.Text.Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var good = Flow("written-check", new JsonObject { ["en"] = "Hello {{contact.name}}", ["yo"] = "Ẹ n lẹ {{contact.name}}" });
        using var published = await _owner.PostAsync("/api/flows/import?publish=true", new StringContent(good.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_test_run_sends_the_written_text_in_the_customers_language()
    {
        var flow = Flow("written-run", new JsonObject { ["en"] = "Hello {{contact.name}}", ["yo"] = "Ẹ n lẹ {{contact.name}}, ẹ kú àbọ̀!" });
        (await _owner.PostAsync("/api/flows", new StringContent(flow.ToJsonString(), System.Text.Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var created = await _owner.PostAsJsonAsync("/api/flows/written-run/test-runs", new { definition = flow, contact = new { name = "Sade", language = "yo" } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var runId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["runId"]!.GetValue<string>();
        (await _owner.PostAsJsonAsync($"/api/test-runs/{runId}/messages", new { text = "hello" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var run = await Eventually.ReturnsAsync(
            async () => (await _owner.GetFromJsonAsync<JsonObject>($"/api/test-runs/{runId}"))!,
            r => r["messages"]!.AsArray().Any(m => m!["direction"]!.GetValue<string>() == "outbound"),
            TimeSpan.FromSeconds(60),
            "the bot's message");
        run["messages"]!.AsArray().Where(m => m!["direction"]!.GetValue<string>() == "outbound").Select(m => m!["text"]!.GetValue<string>())
            .ShouldBe(["Ẹ n lẹ Sade, ẹ kú àbọ̀!"]);
    }

    [Fact]
    public async Task The_gallery_lists_the_shipped_journeys_with_their_definitions_for_flow_editors_only()
    {
        var gallery = (await _owner.GetFromJsonAsync<JsonArray>("/api/flow-gallery"))!;
        var keys = gallery.Select(t => t!["key"]!.GetValue<string>()).ToList();
        keys.ShouldContain("ordering");
        keys.ShouldContain("human-handover");
        var ordering = gallery.Single(t => t!["key"]!.GetValue<string>() == "ordering")!;
        ordering["name"]!.GetValue<string>().ShouldBe("Ordering");
        ordering["nodeCount"]!.GetValue<int>().ShouldBe(ordering["definition"]!["nodes"]!.AsArray().Count);

        using var agent = await _factory.SignedInClientAsync(AuthPolicies.Agent);
        (await agent.GetAsync("/api/flow-gallery")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static JsonObject Flow(string id, JsonObject texts) => new()
    {
        ["id"] = id,
        ["name"] = "Written",
        ["nodes"] = new JsonArray(
            new JsonObject { ["id"] = "start", ["type"] = "Start", ["inputs"] = new JsonObject { ["trigger"] = "event", ["event"] = "message.received" } },
            new JsonObject { ["id"] = "say", ["type"] = "SendMessage", ["inputs"] = new JsonObject { ["template"] = "hello-written", ["texts"] = texts } }),
        ["edges"] = new JsonArray(new JsonObject { ["from"] = "start", ["to"] = "say" }),
    };
}
