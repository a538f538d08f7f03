using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Payments;
using HaloAgent.Payments.References;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Conversations;
using HaloAgent.Server.Tests.Dashboard;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HaloAgent.Studio.Tests;

/// <summary>
/// The Studio and the dashboard in real headless Chromium against the real server on Kestrel: signing in, building and
/// publishing a flow on the canvas, test-running it in the chat panel, an order arriving live, and what roles and
/// businesses may see.
/// </summary>
public sealed class StudioBrowserTests(StudioServer server) : IClassFixture<StudioServer>
{
    [Fact]
    public async Task Signing_in_with_a_wrong_password_shows_the_error_and_the_right_one_opens_the_dashboard()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync(server.Url("/orders"));
        await page.GetByLabel("Email").FillAsync(StudioServer.OwnerEmail);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await page.Locator(".login .banner.error", new PageLocatorOptions { HasTextString = "Wrong email or password" }).WaitForAsync();
        await HeadlessChromium.ScreenshotAsync(page, "studio-login-wrong-password");

        await page.GetByLabel("Password").FillAsync(StudioServer.OwnerPassword);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await page.Locator(".topbar .user", new PageLocatorOptions { HasTextString = "Mama Nkechi" }).WaitForAsync();
        // Back where the user was going: the login kept the address.
        await page.Locator("h1", new PageLocatorOptions { HasTextString = "Orders" }).WaitForAsync();
        new Uri(page.Url).AbsolutePath.ShouldBe("/orders");
    }

    [Fact]
    public async Task A_flow_is_built_on_the_canvas_fixed_published_and_test_run_in_the_chat_panel()
    {
        var flowId = $"greet-{Guid.NewGuid():N}"[..16];
        using (var owner = await OwnerClientAsync())
        {
            // Only a Start node, triggered by a customer's message: the rest is built in the browser.
            var created = await owner.PostAsJsonAsync("/api/flows", new
            {
                id = flowId,
                name = "Greeting test",
                nodes = new object[] { new { id = "start", type = "Start", inputs = new { trigger = "event", @event = "message.received" }, position = new { x = 300, y = 40 } } },
                edges = Array.Empty<object>(),
            });
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, $"/studio/flows/{flowId}");
        var canvas = page.Locator(".react-flow__pane");
        await page.Locator(".react-flow__node[data-id='start']").WaitForAsync();

        // Drag "Send message" from the palette onto the canvas, below the Start node.
        await page.Locator(".palette-item", new PageLocatorOptions { HasTextString = "Send WhatsApp message" }).DragToAsync(canvas, new LocatorDragToOptions
        {
            TargetPosition = new TargetPosition { X = 600, Y = 420 },
        });
        var send = page.Locator(".react-flow__node", new PageLocatorOptions { Has = page.Locator(".fnode-type", new PageLocatorOptions { HasTextString = "Send WhatsApp message" }) });
        await send.WaitForAsync();
        var sendId = await send.GetAttributeAsync("data-id");
        sendId.ShouldNotBeNullOrEmpty();

        // Connect Start's Done outcome to the new node with the mouse.
        await DragAsync(page, page.Locator(".react-flow__node[data-id='start'] .react-flow__handle.source").First, send.Locator(".react-flow__handle.target"));
        await page.Locator($".react-flow__edge[data-testid='rf__edge-start:Done->{sendId}'], .react-flow__edge").First.WaitForAsync();
        (await page.Locator(".react-flow__edge").CountAsync()).ShouldBe(1);

        // Its template is required: validation marks the node.
        await send.Locator(".fnode-errors").WaitForAsync();
        (await send.Locator(".fnode-errors").GetAttributeAsync("title"))!.ShouldContain("template");
        await HeadlessChromium.ScreenshotAsync(page, "studio-designer-validation-error");

        // Fix it in the property panel, then publish.
        await send.ClickAsync();
        await page.Locator(".properties .template-picker input").FillAsync("greeting");
        await page.Locator(".badge.ok", new PageLocatorOptions { HasTextString = "valid" }).WaitForAsync();
        (await send.Locator(".fnode-errors").CountAsync()).ShouldBe(0);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Publish", Exact = true }).ClickAsync();
        await page.Locator(".banner.success", new PageLocatorOptions { HasTextString = "Published version 1" }).WaitForAsync();
        await HeadlessChromium.ScreenshotAsync(page, "studio-designer-published");

        // Test run: type as the customer, see the bot's greeting, and the path lit up on the canvas.
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Test run", Exact = true }).ClickAsync();
        await page.GetByLabel("Test customer name").FillAsync("Chidi");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Start test run" }).ClickAsync();
        await page.GetByLabel("Message as the customer").FillAsync("Hello");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send", Exact = true }).ClickAsync();
        await page.Locator(".wa-msg.customer:not(.pending)", new PageLocatorOptions { HasTextString = "Hello" }).WaitForAsync();
        await page.Locator(".wa-msg.bot", new PageLocatorOptions { HasTextString = "Chidi" }).WaitForAsync();
        await page.Locator(".tr-status", new PageLocatorOptions { HasTextString = "Completed" }).WaitForAsync();
        await page.Locator($".react-flow__node[data-id='{sendId}'] .fnode.run-visited").WaitForAsync();
        await page.Locator(".react-flow__edge.taken").WaitForAsync();
        await HeadlessChromium.ScreenshotAsync(page, "studio-test-run");

        // The test run never started the live flows for its sandbox contact, and nothing was sent to WhatsApp.
        using var client = await OwnerClientAsync();
        var instances = await client.GetFromJsonAsync<JsonArray>($"/api/instances?flowId={flowId}");
        instances!.Count.ShouldBe(0, "the published flow itself did not run: only its sandbox copy did");
        server.Graph.Sent.ShouldNotContain(r => r.Text != null && r.Text.Contains("Chidi"));
    }

    [Fact]
    public async Task An_expired_session_asks_to_sign_in_again_over_the_designer_and_then_does_the_save_it_interrupted()
    {
        var flowId = await CreateStartOnlyFlowAsync("expiry");
        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, $"/studio/flows/{flowId}");
        var sendId = await DropSendMessageAsync(page);
        await page.Locator(".toolbar .badge.warn", new PageLocatorOptions { HasTextString = "unsaved" }).WaitForAsync();

        // The session ends (as when its cookie expires) just as the save goes out: the save is the call that meets the
        // 401 (clearing the cookies before the click let a background call meet it first, and the dialog covered the button).
        var expired = 0;
        await page.RouteAsync(new Regex($"/api/flows/{flowId}/draft"), async route =>
        {
            if (route.Request.Method != "PUT" || Interlocked.Exchange(ref expired, 1) == 1)
            {
                await route.ContinueAsync();
                return;
            }

            await page.Context.ClearCookiesAsync();
            var headers = route.Request.Headers.Where(h => !h.Key.Equals("cookie", StringComparison.OrdinalIgnoreCase)).ToDictionary();
            await route.ContinueAsync(new RouteContinueOptions { Headers = headers });
        });
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save draft", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByText("Your session has expired").WaitForAsync();
        (await page.Locator($".react-flow__node[data-id='{sendId}']").CountAsync()).ShouldBe(1, "the unsaved node is still on the canvas");
        await HeadlessChromium.ScreenshotAsync(page, "studio-session-expired");

        // A wrong password is refused in the dialog; the right one closes it, and saving keeps the change.
        (await dialog.GetByLabel("Email").InputValueAsync()).ShouldBe(StudioServer.OwnerEmail);
        await dialog.GetByLabel("Password").FillAsync("not-the-password");
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Sign in and continue" }).ClickAsync();
        await dialog.Locator(".banner.error", new LocatorLocatorOptions { HasTextString = "Wrong email or password" }).WaitForAsync();
        await dialog.GetByLabel("Password").FillAsync(StudioServer.OwnerPassword);
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Sign in and continue" }).ClickAsync();
        await dialog.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });

        // The save that met the expiry is sent again on its own: no second click, and no raw 401 left on the page.
        await page.Locator(".banner", new PageLocatorOptions { HasTextString = "Draft saved" }).WaitForAsync();
        (await page.Locator(".banner.error").CountAsync()).ShouldBe(0, "the interrupted save left no error behind");

        using var owner = await OwnerClientAsync();
        var draft = await owner.GetFromJsonAsync<JsonObject>($"/api/flows/{flowId}/draft");
        draft!["definition"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ShouldContain(sendId);
    }

    [Fact]
    public async Task A_second_editor_saving_a_stale_draft_is_told_and_keeps_their_changes_while_the_first_save_stands()
    {
        var flowId = await CreateStartOnlyFlowAsync("stale");
        var first = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, $"/studio/flows/{flowId}");
        var (marketerEmail, marketerPassword) = await server.UserAsync(AuthPolicies.Marketer);
        var second = await server.SignInAsync(marketerEmail, marketerPassword, $"/studio/flows/{flowId}");
        await second.Locator(".react-flow__node[data-id='start']").WaitForAsync();

        var firstNode = await DropSendMessageAsync(first);
        await first.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save draft", Exact = true }).ClickAsync();
        await first.Locator(".banner", new PageLocatorOptions { HasTextString = "Draft saved" }).WaitForAsync();

        var secondNode = await DropSendMessageAsync(second);
        await second.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save draft", Exact = true }).ClickAsync();
        await second.Locator(".banner", new PageLocatorOptions { HasTextString = "saved by someone else" }).WaitForAsync();
        (await second.Locator(".banner", new PageLocatorOptions { HasTextString = "saved by someone else" }).InnerTextAsync()).ShouldContain("still here");
        (await second.Locator($".react-flow__node[data-id='{secondNode}']").CountAsync()).ShouldBe(1, "the second editor's change is still on their canvas");
        await HeadlessChromium.ScreenshotAsync(second, "studio-stale-draft");

        using var owner = await OwnerClientAsync();
        var draft = await owner.GetFromJsonAsync<JsonObject>($"/api/flows/{flowId}/draft");
        draft!["info"]!["revision"]!.GetValue<int>().ShouldBe(2, "created at revision 1, saved once by the first editor");
        var nodes = draft["definition"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();
        nodes.ShouldContain(firstNode);
        nodes.Count.ShouldBe(2, "the stale save did not overwrite the first editor's draft");
    }

    [Fact]
    public async Task Importing_and_publishing_an_invalid_flow_names_each_error_and_adds_nothing()
    {
        var flowId = $"broken-{Guid.NewGuid():N}"[..16];
        var json = $$"""
            {
              "id": "{{flowId}}", "name": "Broken import",
              "nodes": [
                { "id": "start", "type": "Start" },
                { "id": "wait", "type": "Delay", "inputs": { "duration": "soon" } }
              ],
              "edges": [ { "from": "start", "to": "wait" }, { "from": "wait", "to": "nowhere" } ]
            }
            """;
        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, "/studio");
        await page.Locator(".page table").WaitForAsync();
        var chooser = await page.RunAndWaitForFileChooserAsync(() =>
            page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Import and publish" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = $"{flowId}.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(json) });

        var banner = page.Locator(".banner.error", new PageLocatorOptions { HasTextString = "Import failed" });
        await banner.WaitForAsync();
        (await banner.InnerTextAsync()).ShouldContain("2 errors");
        var errors = await banner.Locator("li").AllInnerTextsAsync();
        errors.Count.ShouldBe(2);
        errors.ShouldContain(e => e.Contains("wait") && e.Contains("duration") && e.Contains("soon"));
        errors.ShouldContain(e => e.Contains("wait") && e.Contains("nowhere"));
        await HeadlessChromium.ScreenshotAsync(page, "studio-import-invalid");

        (await page.Locator(".page table").InnerTextAsync()).ShouldNotContain(flowId);
        using var owner = await OwnerClientAsync();
        (await owner.GetAsync($"/api/flows/{flowId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a refused import leaves nothing behind");
    }

    [Fact]
    public async Task An_order_placed_on_WhatsApp_appears_live_on_the_orders_page()
    {
        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, "/orders");
        await page.Locator(".page-head .badge", new PageLocatorOptions { HasTextString = "live" }).And(page.Locator(".badge.ok")).WaitForAsync();

        using var webhooks = server.Factory.CreateClient();
        var customer = new WhatsAppCustomer(webhooks, server.Graph, StudioServer.AppSecret, "2348031110001");
        await customer.SaysAsync("I want 2 jollof rice", r => r.Text?.Contains("7,000") == true, "2 jollof in the cart");
        await customer.SaysAsync("no", r => r.Type == "interactive", "pickup or delivery");
        await customer.TapsAsync("pickup", "Pickup", r => r.Type == "interactive", "the summary");
        var placed = await customer.TapsAsync("confirm", "Yes", r => r.Text?.Contains("MNK-") == true, "the order number");
        string number;
        using (var owner = await OwnerClientAsync())
        {
            var orders = await owner.GetFromJsonAsync<JsonArray>("/api/orders");
            // GET /api/orders answers the contract's Order or, for now, the commerce {order, payment} record.
            number = (orders![0]!["number"] ?? orders[0]!["order"]!["number"])!.GetValue<string>();
        }

        placed.ShouldContain(r => r.Text != null && r.Text.Contains(number));

        // No reload: the row arrives over the event stream.
        await page.Locator("table tr", new PageLocatorOptions { HasTextString = number }).WaitForAsync();
        await HeadlessChromium.ScreenshotAsync(page, "dashboard-order-live");
    }

    [Fact]
    public async Task An_owner_approves_a_payment_from_the_review_queue_and_the_customer_is_told()
    {
        var services = server.Factory.Services;
        var demoId = await DashboardSeed.DemoBusinessIdAsync(services);
        const string phone = "2348031110003";
        var contact = await DashboardSeed.ContactAsync(services, demoId, phone, "Bola Payer");
        var order = await DashboardSeed.OrderAsync(services, demoId, contact.Id);
        var payments = services.GetRequiredService<IPaymentService>();
        var references = services.GetRequiredService<PaymentReferenceGenerator>();
        var payment = await payments.OpenAsync(order, PaymentMethod.BankTransfer, references.Next, default);
        await payments.RecordClaimAsync(payment.Id, "The customer says they paid.", default);

        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, "/payments");
        var row = page.Locator("table tr", new PageLocatorOptions { HasTextString = order.Number });
        await row.WaitForAsync();
        (await row.GetByTestId("payment-match").InnerTextAsync()).ShouldContain("no receipt"); // a claim, not yet a receipt
        await HeadlessChromium.ScreenshotAsync(page, "dashboard-payment-review");
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Approve" }).ClickAsync();
        await row.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });

        (await services.GetRequiredService<IOrderService>().GetAsync(order.Id, default))!.Status.ShouldBe(OrderStatus.Paid);
        await Eventually.ReturnsAsync(
            () => Task.FromResult(server.Graph.Sent.Where(r => r.To == phone).ToList()),
            sent => sent.Any(r => r.Text?.Contains(order.Number) == true),
            TimeSpan.FromSeconds(30),
            "the payment confirmation to the customer, naming the order");
    }

    [Fact]
    public async Task A_contacts_csv_import_shows_its_progress_and_every_refused_line_with_the_reason()
    {
        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, "/contacts");
        await page.Locator("h1", new PageLocatorOptions { HasTextString = "Contacts" }).WaitForAsync();
        const string csv = "name,phone,language,marketingOptIn\n" +
                           "Funke Import,08035550111,yo,true\n" +
                           "No Phone,,en,false\n" +
                           "Emeka Import,+2348035550112,ig,no\n" +
                           "Bad Language,08035550113,fr,true\n";

        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Import CSV" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "contacts.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });

        var result = page.GetByTestId("import-result");
        await result.WaitForAsync();
        (await page.GetByTestId("import-progress").InnerTextAsync()).ShouldContain("Uploaded 100%");
        (await result.InnerTextAsync()).ShouldContain("Imported 2");
        var refused = page.GetByTestId("import-errors").Locator("tbody tr");
        (await refused.CountAsync()).ShouldBe(2);
        (await refused.Nth(0).InnerTextAsync()).ShouldStartWith("3");
        (await refused.Nth(1).InnerTextAsync()).ShouldStartWith("5");
        await page.Locator("table tr", new PageLocatorOptions { HasTextString = "Funke Import" }).WaitForAsync();
        await HeadlessChromium.ScreenshotAsync(page, "dashboard-contacts-import");
    }

    [Fact]
    public async Task A_marketer_cannot_approve_payments_in_the_page_or_through_the_API()
    {
        var (email, password) = await server.UserAsync(AuthPolicies.Marketer);
        var page = await server.SignInAsync(email, password, "/payments");
        await page.GetByTestId("payments-denied").WaitForAsync();
        (await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Approve" }).CountAsync()).ShouldBe(0);
        await HeadlessChromium.ScreenshotAsync(page, "dashboard-marketer-payments");

        // The page's own session, with its CSRF token: the server refuses it too.
        var status = await page.EvaluateAsync<int>("""
            async () => {
              const cookie = document.cookie.split('; ').find(c => c.startsWith('halo-csrf='));
              const token = decodeURIComponent(cookie.substring('halo-csrf='.length));
              const response = await fetch('/api/payments/anything/approve', { method: 'POST', body: '{}', headers: { 'X-CSRF-Token': token, 'Content-Type': 'application/json' } });
              return response.status;
            }
            """);
        status.ShouldBe(403, "POST /api/payments/{id}/approve as a marketer");
    }

    [Fact]
    public async Task A_user_of_another_business_sees_none_of_the_first_ones_data()
    {
        var demoId = await DashboardSeed.DemoBusinessIdAsync(server.Factory.Services);
        var contact = await DashboardSeed.ContactAsync(server.Factory.Services, demoId, "2348031110002", "Ngozi Demo");
        var order = await DashboardSeed.OrderAsync(server.Factory.Services, demoId, contact.Id);
        string runId;
        using (var owner = await OwnerClientAsync())
        {
            var run = await owner.PostAsJsonAsync("/api/flows/ordering/test-runs", new { contact = new { name = "Sandbox", language = "en" } });
            run.StatusCode.ShouldBe(HttpStatusCode.Created, await run.Content.ReadAsStringAsync());
            runId = (await run.Content.ReadFromJsonAsync<JsonObject>())!["runId"]!.GetValue<string>();
        }

        var slug = await DashboardSeed.SecondBusinessAsync(server.Factory.Services);
        var (email, password) = await server.UserAsync(AuthPolicies.Owner, slug);
        var page = await server.SignInAsync(email, password, "/orders");
        await page.Locator(".topbar .user", new PageLocatorOptions { HasTextString = "Second Kitchen" }).WaitForAsync();
        await page.Locator("h1", new PageLocatorOptions { HasTextString = "Orders" }).WaitForAsync();
        await page.Locator(".page table, .page .hint, .page .empty").First.WaitForAsync();
        (await page.Locator("body").InnerTextAsync()).ShouldNotContain(order.Number);
        await page.GotoAsync(server.Url("/contacts"));
        await page.Locator("h1", new PageLocatorOptions { HasTextString = "Contacts" }).WaitForAsync();
        await page.Locator(".page table, .page .hint, .page .empty").First.WaitForAsync();
        (await page.Locator("body").InnerTextAsync()).ShouldNotContain("Ngozi Demo");
        await HeadlessChromium.ScreenshotAsync(page, "dashboard-second-business");

        // The Studio's flow list is theirs alone: none of the first business's journeys.
        await page.GotoAsync(server.Url("/studio"));
        await page.Locator("h1", new PageLocatorOptions { HasTextString = "Flows" }).WaitForAsync();
        await page.Locator(".page table").WaitForAsync();
        (await page.Locator(".page table tbody tr").CountAsync()).ShouldBe(0);
        (await page.Locator("body").InnerTextAsync()).ShouldNotContain("ordering");
        await HeadlessChromium.ScreenshotAsync(page, "studio-flows-second-business");

        // Through the API as that user: no orders or flows of the first business; its flow, instances and test run are unknown.
        var answers = await page.EvaluateAsync<string[]>($$"""
            async () => {
              const orders = await (await fetch('/api/orders')).text();
              const run = (await fetch('/api/test-runs/{{runId}}')).status;
              const flows = await (await fetch('/api/flows')).text();
              const flow = (await fetch('/api/flows/ordering')).status;
              const instances = await (await fetch('/api/instances')).text();
              return [orders, String(run), flows, String(flow), instances];
            }
            """);
        answers[0].ShouldNotContain(order.Number);
        answers[1].ShouldBe("404");
        answers[2].ShouldBe("[]");
        answers[3].ShouldBe("404");
        answers[4].ShouldBe("[]");
    }

    /// <summary>A published-less flow with only a Start node, for the browser to edit; returns its id.</summary>
    private async Task<string> CreateStartOnlyFlowAsync(string prefix)
    {
        var flowId = $"{prefix}-{Guid.NewGuid():N}"[..16];
        using var owner = await OwnerClientAsync();
        var created = await owner.PostAsJsonAsync("/api/flows", new
        {
            id = flowId,
            name = $"{prefix} test",
            nodes = new object[] { new { id = "start", type = "Start", inputs = new { trigger = "event", @event = "message.received" }, position = new { x = 300, y = 40 } } },
            edges = Array.Empty<object>(),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return flowId;
    }

    /// <summary>Drags "Send WhatsApp message" from the palette onto the canvas; returns the new node's id.</summary>
    private static async Task<string> DropSendMessageAsync(IPage page)
    {
        await page.Locator(".react-flow__node[data-id='start']").WaitForAsync();
        var before = await page.Locator(".react-flow__node").CountAsync();
        await page.Locator(".palette-item", new PageLocatorOptions { HasTextString = "Send WhatsApp message" }).DragToAsync(page.Locator(".react-flow__pane"), new LocatorDragToOptions
        {
            TargetPosition = new TargetPosition { X = 600, Y = 420 },
        });
        var added = page.Locator(".react-flow__node", new PageLocatorOptions { Has = page.Locator(".fnode-type", new PageLocatorOptions { HasTextString = "Send WhatsApp message" }) }).Last;
        await added.WaitForAsync();
        (await page.Locator(".react-flow__node").CountAsync()).ShouldBe(before + 1);
        return (await added.GetAttributeAsync("data-id"))!;
    }

    private async Task<HttpClient> OwnerClientAsync()
    {
        var client = server.Factory.CreateClient();
        await SignIn.AsAsync(client, StudioServer.OwnerEmail, StudioServer.OwnerPassword);
        return client;
    }

    /// <summary>Presses on one element and releases on another with intermediate moves, as xyflow's connection drag needs.</summary>
    private static async Task DragAsync(IPage page, ILocator from, ILocator to)
    {
        var a = (await from.BoundingBoxAsync())!;
        var b = (await to.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(a.X + a.Width / 2, a.Y + a.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(a.X + 20, a.Y + 60, new MouseMoveOptions { Steps = 5 });
        await page.Mouse.MoveAsync(b.X + b.Width / 2, b.Y + b.Height / 2, new MouseMoveOptions { Steps = 10 });
        await page.Mouse.UpAsync();
    }
}
