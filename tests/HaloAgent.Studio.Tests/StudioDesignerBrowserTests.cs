using System.Net;
using System.Net.Http.Json;
using System.Text;
using HaloAgent.Server.Tests.Apis;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.Browser;
using Microsoft.Playwright;
using static HaloAgent.Studio.Tests.BrowserChecks;

namespace HaloAgent.Studio.Tests;

/// <summary>
/// The Studio as n8n and Elsa users expect it (issue 12), on a 390 × 844 phone and a 1366 × 768 laptop: a large flow
/// opens readable on its Start node, Ctrl+K finds a node, the instance viewer shows a step's inputs and outputs, a test
/// run's hand-over ends as one, a Send message node takes new text per language, "New flow" copies a shipped journey;
/// and the developer performance page is not an owner's.
/// </summary>
public sealed class StudioDesignerBrowserTests(StudioServer server) : IClassFixture<StudioServer>
{
    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 768, "laptop")]
    public async Task A_large_flow_opens_at_a_readable_zoom_on_its_start_node_and_ctrl_k_finds_a_node(int width, int height, string device)
    {
        var flowId = $"long-{Guid.NewGuid():N}"[..15];
        using (var owner = await OwnerClientAsync())
        {
            using var created = await owner.PostAsync("/api/flows", new StringContent(LargeFlows.Chain(flowId, 150), Encoding.UTF8, "application/json"));
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, $"/studio/flows/{flowId}", width, height);
        var start = page.Locator(".react-flow__node[data-id='start']");
        await Assertions.Expect(start).ToBeVisibleAsync();
        // React Flow's viewport is `translate(x, y) scale(zoom)`: 151 nodes in a column would fit only at ~0.05.
        var zoom = await page.Locator(".react-flow__viewport").EvaluateAsync<double>("v => new DOMMatrixReadOnly(getComputedStyle(v).transform).a");
        zoom.ShouldBeGreaterThanOrEqualTo(0.75, "the flow opens at a zoom where its text reads");
        await ShouldBeInViewAsync(page, "start");
        (await start.InnerTextAsync()).ShouldContain("Start");
        await NoSidewaysScrollAsync(page, width);
        await HeadlessChromium.ScreenshotAsync(page, $"studio-large-flow-opens-{device}");

        // Ctrl+K, a node's id, Enter: the canvas moves to it and selects it.
        await page.Locator(".react-flow__pane").ClickAsync(new LocatorClickOptions { Position = new Position { X = 5, Y = 5 } });
        await page.Keyboard.PressAsync("Control+K");
        var search = page.GetByRole(AriaRole.Searchbox, new PageGetByRoleOptions { Name = "Find a node" });
        await Assertions.Expect(search).ToBeFocusedAsync();
        await search.FillAsync("n137");
        await Assertions.Expect(page.GetByRole(AriaRole.Option).First).ToContainTextAsync("n137");
        await NoSidewaysScrollAsync(page, width);
        await HeadlessChromium.ScreenshotAsync(page, $"studio-node-search-{device}");
        await search.PressAsync("Enter");
        await Assertions.Expect(search).Not.ToBeVisibleAsync();
        var found = page.Locator(".react-flow__node[data-id='n137']");
        await Assertions.Expect(found).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bselected\b"));
        await ShouldBeInViewAsync(page, "n137");
        await Assertions.Expect(page.Locator(".properties")).ToContainTextAsync("n137");
    }

    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 768, "laptop")]
    public async Task The_developer_performance_page_is_not_shown_to_an_owner(int width, int height, string device)
    {
        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, "/studio", width, height);
        await page.Locator(".page table").WaitForAsync();
        var devTools = await page.APIRequest.GetAsync(server.Url("/api/studio/dev-tools"));
        devTools.Status.ShouldBe(403, "the server refuses the dev tools to an owner");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "designer performance check (200 nodes)" })).ToHaveCountAsync(0);

        await page.GotoAsync(server.Url("/studio/dev/perf"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Not available" })).ToBeVisibleAsync();
        (await page.Locator(".react-flow").CountAsync()).ShouldBe(0, "the check does not run");
        await NoSidewaysScrollAsync(page, width);
        await HeadlessChromium.ScreenshotAsync(page, $"studio-perf-refused-{device}");
    }

    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 768, "laptop")]
    public async Task Clicking_a_node_in_the_instance_viewer_shows_that_steps_inputs_and_outputs(int width, int height, string device)
    {
        var flowId = $"reply-{Guid.NewGuid():N}"[..16];
        var contact = $"23480{Random.Shared.Next(10_000_000, 99_999_999)}";
        string instanceId;
        using (var owner = await OwnerClientAsync())
        {
            var flow = $$"""
                { "id": "{{flowId}}", "name": "Reply",
                  "nodes": [
                    { "id": "start", "type": "Start", "position": { "x": 0, "y": 0 } },
                    { "id": "ask", "type": "WaitForEvent", "inputs": { "event": "customer.replied", "variable": "reply" }, "position": { "x": 0, "y": 150 } },
                    { "id": "keep", "type": "SetVariable", "label": "Keep the answer", "inputs": { "name": "answer", "value": "upper(vars.reply.text)" }, "position": { "x": 0, "y": 300 } } ],
                  "edges": [ { "from": "start", "to": "ask" }, { "from": "ask", "outcome": "Received", "to": "keep" } ] }
                """;
            (await owner.PostAsync("/api/flows/import?publish=true", new StringContent(flow, Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.OK);
            using var started = await owner.PostAsJsonAsync($"/api/flows/{flowId}/instances", new { correlationKey = contact });
            started.StatusCode.ShouldBe(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
            instanceId = (await started.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["instanceId"]!.GetValue<string>();
            await Eventually.ReturnsAsync(() => StatusAsync(owner, instanceId), s => s == "Waiting", what: "the instance waiting");
            (await owner.PostAsJsonAsync("/api/events", new { name = "customer.replied", correlationKey = contact, payload = new { text = "two plates please" } })).EnsureSuccessStatusCode();
            await Eventually.ReturnsAsync(() => StatusAsync(owner, instanceId), s => s == "Completed", what: "the instance completed");
        }

        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, $"/studio/instances/{instanceId}", width, height);
        var keep = page.Locator(".instance-canvas .react-flow__node[data-id='keep']");
        await keep.ClickAsync();
        var panel = page.GetByRole(AriaRole.Region, new PageGetByRoleOptions { Name = "Step keep" });
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await Assertions.Expect(panel).ToContainTextAsync("Keep the answer");
        await Assertions.Expect(panel.Locator(".io > div", new LocatorLocatorOptions { HasTextString = "Inputs" })).ToContainTextAsync("\"name\": \"answer\"");
        await Assertions.Expect(panel.Locator(".io > div", new LocatorLocatorOptions { HasTextString = "Output" })).ToContainTextAsync("TWO PLATES PLEASE");
        await NoSidewaysScrollAsync(page, width);
        await HeadlessChromium.ScreenshotAsync(page, $"studio-instance-step-{device}");

        // The wait: suspended, then continued with the customer's answer.
        await page.Locator(".instance-canvas .react-flow__node[data-id='ask']").ClickAsync();
        var ask = page.GetByRole(AriaRole.Region, new PageGetByRoleOptions { Name = "Step ask" });
        await Assertions.Expect(ask.Locator(".step")).ToHaveCountAsync(2);
        await Assertions.Expect(ask.Locator(".step").Last).ToContainTextAsync("two plates please");
    }

    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 768, "laptop")]
    public async Task A_test_run_that_hands_the_chat_to_a_person_ends_as_handed_over_with_the_reason(int width, int height, string device)
    {
        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, "/studio/flows/ordering", width, height);
        await Assertions.Expect(page.Locator(".react-flow__node[data-id='start']")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Test run", Exact = true }).ClickAsync();
        await page.GetByLabel("Test customer name").FillAsync($"Handover {device}");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Start test run" }).ClickAsync();
        await page.GetByLabel("Message as the customer").FillAsync("I want to talk to a person");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("test-run-status")).ToHaveTextAsync("Handed over", new LocatorAssertionsToHaveTextOptions { Timeout = 60_000 });
        var status = page.Locator(".tr-status");
        await Assertions.Expect(status).ToContainTextAsync("Handed over to a person: The customer asked for a person.");
        await Assertions.Expect(status).Not.ToContainTextAsync("Completed");
        await Assertions.Expect(status).Not.ToContainTextAsync("finished");
        await NoSidewaysScrollAsync(page, width);
        await HeadlessChromium.ScreenshotAsync(page, $"studio-test-run-handed-over-{device}");
    }

    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 768, "laptop")]
    public async Task New_flow_from_the_gallery_copies_a_shipped_journey_as_a_draft_with_a_new_id(int width, int height, string device)
    {
        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, "/studio", width, height);
        await page.Locator(".page table").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "New flow" }).ClickAsync();
        // A blank flow and every shipped journey (workflows/*.json).
        var shippedJourneys = Directory.GetFiles(Path.Combine(HaloAgent.Testing.RepositoryRoot.Path, "workflows"), "*.json").Length;
        await Assertions.Expect(page.Locator(".gallery-card")).ToHaveCountAsync(1 + shippedJourneys);
        await NoSidewaysScrollAsync(page, width);
        await HeadlessChromium.ScreenshotAsync(page, $"studio-new-flow-gallery-{device}");

        await page.Locator(".gallery-card").Filter(new LocatorFilterOptions { Has = page.Locator("b", new PageLocatorOptions { HasTextRegex = new System.Text.RegularExpressions.Regex("^Ordering$") }) }).ClickAsync();
        var id = page.GetByLabel("Id", new PageGetByLabelOptions { Exact = true });
        await Assertions.Expect(id).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^ordering-copy"));
        var newId = $"ordering-{device}-{Guid.NewGuid():N}"[..24];
        await id.FillAsync(newId);
        await page.GetByLabel("Name", new PageGetByLabelOptions { Exact = true }).FillAsync($"Ordering for {device}");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create" }).ClickAsync();

        // Waits for the designer itself (a state), not for a navigation event that may already have passed.
        try
        {
            await Assertions.Expect(page.Locator(".toolbar .flow-name")).ToHaveTextAsync($"Ordering for {device}", new LocatorAssertionsToHaveTextOptions { Timeout = 60_000 });
        }
        catch (PlaywrightException)
        {
            // (Once in CI and once in about five local runs the designer did not open; this says what the page showed.)
            await HeadlessChromium.ScreenshotAsync(page, $"studio-new-flow-not-opened-{device}");
            var create = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create" });
            throw new InvalidOperationException(
                $"The designer did not open: at {page.Url}; Create button present: {await create.CountAsync()}; the page said: " +
                await page.Locator("body").InnerTextAsync());
        }

        new Uri(page.Url).AbsolutePath.ShouldBe($"/studio/flows/{newId}");
        // The copy opens on its Start node (the journey is too big to read whole), the shipped one's "Customer writes".
        await Assertions.Expect(page.Locator(".react-flow__node[data-id='start']")).ToContainTextAsync("Customer writes");

        using var owner = await OwnerClientAsync();
        var copy = (await owner.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/flows/{newId}/draft"))!;
        var shipped = (await owner.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/flow-gallery"))!.Single(t => t!["key"]!.GetValue<string>() == "ordering")!;
        static string[] Ids(System.Text.Json.Nodes.JsonNode definition) => definition["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToArray();
        Ids(copy["definition"]!).ShouldBe(Ids(shipped["definition"]!), "the copy is the shipped journey, step for step");
        copy["definition"]!["id"]!.GetValue<string>().ShouldBe(newId);
        copy["info"]!["status"]!.GetValue<string>().ShouldBe("Draft");
    }

    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 768, "laptop")]
    public async Task A_send_message_node_takes_new_text_per_language_previewed_in_yoruba_and_saved(int width, int height, string device)
    {
        var flowId = $"say-{Guid.NewGuid():N}"[..14];
        using var owner = await OwnerClientAsync();
        var flow = $$"""
            { "id": "{{flowId}}", "name": "Say", "nodes": [
                { "id": "start", "type": "Start", "inputs": { "trigger": "event", "event": "message.received" }, "position": { "x": 0, "y": 0 } },
                { "id": "say", "type": "SendMessage", "inputs": { "template": "greeting" }, "position": { "x": 0, "y": 160 } } ],
              "edges": [ { "from": "start", "to": "say" } ] }
            """;
        (await owner.PostAsync("/api/flows", new StringContent(flow, Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, $"/studio/flows/{flowId}", width, height);
        await page.Locator(".react-flow__node[data-id='say']").ClickAsync();
        await page.Locator(".properties .template-picker input").FillAsync($"hello-{device}");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "✎ Write the message here" }).ClickAsync();
        await page.GetByLabel("Message text in English").FillAsync("Welcome {{contact.name}}!");

        // Hostile text is refused in the preview with what is wrong, before anything is saved.
        var yoruba = page.GetByLabel("Message text in Yorùbá");
        await yoruba.FillAsync("{{> footer}}");
        var yorubaPreview = page.GetByLabel("Preview in Yorùbá");
        await Assertions.Expect(yorubaPreview).ToContainTextAsync("Unknown partial 'footer'");

        await yoruba.FillAsync("Ẹ kú àbọ̀ {{contact.name}}!");
        await Assertions.Expect(yorubaPreview).ToHaveTextAsync("Ẹ kú àbọ̀ Ada!");
        // Hausa has no text of its own: the English one stands in.
        await Assertions.Expect(page.GetByLabel("Preview in Hausa")).ToHaveTextAsync("Welcome Ada!");
        await Assertions.Expect(page.Locator(".properties .template-picker .field-errors")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".toolbar .badge.ok", new PageLocatorOptions { HasTextString = "valid" })).ToBeVisibleAsync();
        await NoSidewaysScrollAsync(page, width);
        await HeadlessChromium.ScreenshotAsync(page, $"studio-written-message-{device}");

        var saved = page.WaitForResponseAsync(r => r.Url.Contains($"/api/flows/{flowId}/draft") && r.Request.Method == "PUT");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save draft", Exact = true }).ClickAsync();
        (await saved).Status.ShouldBe(200);
        var draft = (await owner.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/flows/{flowId}/draft"))!;
        var say = draft["definition"]!["nodes"]!.AsArray().Single(n => n!["id"]!.GetValue<string>() == "say")!;
        say["inputs"]!["template"]!.GetValue<string>().ShouldBe($"hello-{device}");
        say["inputs"]!["texts"]!["yo"]!.GetValue<string>().ShouldBe("Ẹ kú àbọ̀ {{contact.name}}!");
        say["inputs"]!["texts"]!["en"]!.GetValue<string>().ShouldBe("Welcome {{contact.name}}!");
    }

    private static async Task<string> StatusAsync(HttpClient client, string instanceId) =>
        (await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/instances/{instanceId}"))!["summary"]!["status"]!.GetValue<string>();

    /// <summary>Waits until the node lies wholly inside the canvas (the canvas may still be gliding to it).</summary>
    private static async Task ShouldBeInViewAsync(IPage page, string nodeId) =>
        await page.WaitForFunctionAsync("""
            id => {
              const canvas = document.querySelector('.react-flow')?.getBoundingClientRect();
              const node = document.querySelector(`.react-flow__node[data-id="${id}"]`)?.getBoundingClientRect();
              return !!canvas && !!node && node.left >= canvas.left - 0.5 && node.top >= canvas.top - 0.5
                && node.right <= canvas.right + 0.5 && node.bottom <= canvas.bottom + 0.5;
            }
            """, nodeId);

    private async Task<HttpClient> OwnerClientAsync()
    {
        var client = server.Factory.CreateClient();
        await SignIn.AsAsync(client, StudioServer.OwnerEmail, StudioServer.OwnerPassword);
        return client;
    }
}
