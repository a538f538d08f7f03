using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HaloAgent.Server.Tests.Apis;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.Browser;
using Microsoft.Playwright;

namespace HaloAgent.Studio.Tests;

/// <summary>
/// Issue 10's size limits as a person meets them in the Studio, on a phone and on a laptop: a flow file over the node
/// limit or the byte limit, imported into the designer and saved, or imported from the flow list, ends in an error
/// banner that says which limit, and nothing is stored.
/// </summary>
public sealed class FlowSizeLimitBrowserTests(StudioServer server) : IClassFixture<StudioServer>
{
    private const string TooManyNodes = "The flow has 2,001 nodes; at most 2,000 are allowed (HaloAgent:Engine:Limits:MaxNodes).";
    private const string TooManyBytes = "The flow document is larger than 1,048,576 bytes (HaloAgent:Engine:Limits:MaxDocumentBytes).";

    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 768, "laptop")]
    public async Task A_flow_file_over_the_limits_imported_in_the_designer_is_refused_on_save_with_the_limit_in_the_banner(int width, int height, string device)
    {
        var flowId = $"big-{Guid.NewGuid():N}"[..14];
        using var owner = await OwnerClientAsync();
        var created = await owner.PostAsJsonAsync("/api/flows", new
        {
            id = flowId,
            name = "Size limits",
            nodes = new object[] { new { id = "start", type = "Start", position = new { x = 0, y = 0 } } },
            edges = Array.Empty<object>(),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, $"/studio/flows/{flowId}", width, height);
        await page.Locator(".react-flow__node[data-id='start']").WaitForAsync();

        // 2,001 nodes (about 200 KB: under the byte limit, over the node limit).
        await ImportIntoDesignerAsync(page, flowId, LargeFlows.Chain(flowId, 2_000), "Imported 2001 nodes");
        var banner = await SaveAndReadErrorAsync(page);
        banner.ShouldContain("Save failed");
        banner.ShouldContain(TooManyNodes);
        await ShouldFitAsync(page, page.Locator(".designer .banner.error"), width);
        await HeadlessChromium.ScreenshotAsync(page, $"studio-designer-too-many-nodes-{device}");
        await page.Locator(".designer .banner.error button.icon").ClickAsync();

        // Two nodes, 1.1 MB: over the byte limit.
        await ImportIntoDesignerAsync(page, flowId, LargeFlows.Wordy(flowId, 1_100_000), "Imported 2 nodes");
        banner = await SaveAndReadErrorAsync(page);
        banner.ShouldContain("Save failed");
        banner.ShouldContain(TooManyBytes);
        await ShouldFitAsync(page, page.Locator(".designer .banner.error"), width);
        await HeadlessChromium.ScreenshotAsync(page, $"studio-designer-too-large-{device}");

        // The saved draft is still the one-node flow.
        var draft = await owner.GetFromJsonAsync<JsonObject>($"/api/flows/{flowId}/draft");
        draft!["definition"]!["nodes"]!.AsArray().Count.ShouldBe(1, draft.ToJsonString());
    }

    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 768, "laptop")]
    public async Task A_flow_file_over_the_limits_imported_from_the_flow_list_is_refused_with_the_limit_in_the_banner(int width, int height, string device)
    {
        var flowId = $"big-{Guid.NewGuid():N}"[..14];
        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, "/studio", width, height);
        await page.Locator(".page table").WaitForAsync();

        await ImportFromListAsync(page, flowId, LargeFlows.Chain(flowId, 2_000));
        var banner = page.Locator(".banner.error", new PageLocatorOptions { HasTextString = "Import failed" });
        await banner.Locator("li").WaitForAsync();
        (await banner.Locator("li").AllInnerTextsAsync()).ShouldBe([$"nodes: {TooManyNodes}"]);
        await ShouldFitAsync(page, banner, width);
        await HeadlessChromium.ScreenshotAsync(page, $"studio-import-too-many-nodes-{device}");

        await ImportFromListAsync(page, flowId, LargeFlows.Wordy(flowId, 1_100_000));
        await page.Locator(".banner.error", new PageLocatorOptions { HasTextString = TooManyBytes }).WaitForAsync();
        (await page.Locator(".banner.error").InnerTextAsync()).ShouldStartWith($"Import failed: {TooManyBytes}");
        await ShouldFitAsync(page, page.Locator(".banner.error"), width);
        await HeadlessChromium.ScreenshotAsync(page, $"studio-import-too-large-{device}");

        (await page.Locator(".page table").InnerTextAsync()).ShouldNotContain(flowId);
        using var owner = await OwnerClientAsync();
        (await owner.GetAsync($"/api/flows/{flowId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a refused import leaves nothing behind");
    }

    private static async Task ImportIntoDesignerAsync(IPage page, string flowId, string json, string imported)
    {
        var chooser = await page.RunAndWaitForFileChooserAsync(() =>
            page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Import", Exact = true }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = $"{flowId}.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(json) });
        await page.Locator(".banner", new PageLocatorOptions { HasTextString = imported }).WaitForAsync();
    }

    private static async Task<string> SaveAndReadErrorAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save draft" }).ClickAsync();
        var banner = page.Locator(".designer .banner.error");
        await banner.WaitForAsync();
        return await banner.InnerTextAsync();
    }

    private static async Task ImportFromListAsync(IPage page, string flowId, string json)
    {
        var chooser = await page.RunAndWaitForFileChooserAsync(() =>
            page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Import and publish" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = $"{flowId}.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(json) });
    }

    /// <summary>The banner is on the screen, not cut off at its right edge (the phone is 390 px wide).</summary>
    private static async Task ShouldFitAsync(IPage page, ILocator banner, int width)
    {
        await banner.ScrollIntoViewIfNeededAsync();
        var box = (await banner.BoundingBoxAsync())!;
        box.X.ShouldBeGreaterThanOrEqualTo(0);
        (box.X + box.Width).ShouldBeLessThanOrEqualTo(width);
    }

    private async Task<HttpClient> OwnerClientAsync()
    {
        var client = server.Factory.CreateClient();
        await SignIn.AsAsync(client, StudioServer.OwnerEmail, StudioServer.OwnerPassword);
        return client;
    }
}
