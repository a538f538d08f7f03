using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.Browser;
using Microsoft.Playwright;

namespace HaloAgent.Studio.Tests;

/// <summary>
/// The designer's event field suggests the events the product raises (GET /api/events/catalog) with what each
/// means, on a phone and on a desktop: an owner types "pay" into a Wait for event node, picks payment.claimed,
/// saves, and the reloaded designer still has it.
/// </summary>
public sealed class EventFieldBrowserTests(StudioServer server) : IClassFixture<StudioServer>
{
    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1500, 950, "desktop")]
    public async Task An_owner_picks_payment_claimed_from_the_suggestions_of_a_wait_node_and_it_is_saved(int width, int height, string device)
    {
        var flowId = $"wait-{Guid.NewGuid():N}"[..14];
        using var owner = server.Factory.CreateClient();
        await SignIn.AsAsync(owner, StudioServer.OwnerEmail, StudioServer.OwnerPassword);
        var created = await owner.PostAsJsonAsync("/api/flows", new
        {
            id = flowId,
            name = "Wait for a payment",
            nodes = new object[]
            {
                new { id = "start", type = "Start", inputs = new { trigger = "event", @event = "order.created" }, position = new { x = 0, y = 0 } },
                new { id = "wait", type = "WaitForEvent", inputs = new { @event = "message.received", timeout = "1d" }, position = new { x = 0, y = 160 } },
            },
            edges = new object[] { new { from = "start", to = "wait" } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, $"/studio/flows/{flowId}", width, height);
        await page.Locator(".react-flow__node[data-id='wait']").ClickAsync();
        var field = page.Locator(".properties").GetByRole(AriaRole.Combobox, new LocatorGetByRoleOptions { Name = "Event", Exact = true });
        (await field.InputValueAsync()).ShouldBe("message.received");

        await field.FillAsync("pay");
        var suggestions = page.GetByRole(AriaRole.Listbox, new PageGetByRoleOptions { Name = "Event suggestions" });
        var claimed = suggestions.GetByRole(AriaRole.Option).Filter(new LocatorFilterOptions { Has = page.Locator("code", new PageLocatorOptions { HasTextString = "payment.claimed" }) });
        await claimed.WaitForAsync();
        (await claimed.InnerTextAsync()).ShouldContain("The customer says they paid");
        (await suggestions.GetByRole(AriaRole.Option).Locator("code").AllInnerTextsAsync()).ShouldBe(["payment.claimed"], "only the names containing what was typed");
        await claimed.ScrollIntoViewIfNeededAsync();
        var box = (await claimed.BoundingBoxAsync())!;
        (box.X + box.Width).ShouldBeLessThanOrEqualTo(width, "the suggestion fits the screen");
        await HeadlessChromium.ScreenshotAsync(page, $"studio-event-suggestions-{device}");

        await claimed.ClickAsync();
        await suggestions.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        (await field.InputValueAsync()).ShouldBe("payment.claimed");
        await page.Locator(".toolbar .badge.ok", new PageLocatorOptions { HasTextString = "valid" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save draft", Exact = true }).ClickAsync();
        await page.Locator(".banner", new PageLocatorOptions { HasTextString = "Draft saved" }).WaitForAsync();

        await page.ReloadAsync();
        await page.Locator(".react-flow__node[data-id='wait']").ClickAsync();
        (await field.InputValueAsync()).ShouldBe("payment.claimed");
        var draft = await owner.GetFromJsonAsync<JsonObject>($"/api/flows/{flowId}/draft");
        draft!["definition"]!["nodes"]!.AsArray().Single(n => n!["id"]!.GetValue<string>() == "wait")!["inputs"]!["event"]!.GetValue<string>().ShouldBe("payment.claimed");
    }
}
