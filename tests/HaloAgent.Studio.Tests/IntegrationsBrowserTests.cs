using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing;
using HaloAgent.Testing.Browser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using static HaloAgent.Studio.Tests.BrowserChecks;

namespace HaloAgent.Studio.Tests;

/// <summary>
/// An owner on a 390 × 844 phone and a 1366 × 768 laptop, in headless Chromium, adds a webhook for n8n (a receiver on
/// loopback that fails the first POST), sees its secret once, reads the delivery log with the 500, re-sends it and
/// sees it delivered.
/// </summary>
public sealed class IntegrationsBrowserTests(StudioServer server) : IClassFixture<StudioServer>, IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private WebApplication _receiver = null!;
    private string _receiverUrl = "";

    public async Task InitializeAsync()
    {
        _receiver = LoopbackHost.Create();
        // Each path fails its first POST and takes the rest.
        _receiver.MapPost("/{name}", (string name) => _calls.AddOrUpdate(name, 1, (_, n) => n + 1) == 1
            ? Results.Json(new { error = "n8n is restarting" }, statusCode: 500)
            : Results.Json(new { received = true }));
        _receiverUrl = await LoopbackHost.StartAsync(_receiver);
    }

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 768, "laptop")]
    public async Task An_owner_adds_a_webhook_reads_a_failed_delivery_and_re_sends_it(int width, int height, string device)
    {
        var url = $"{_receiverUrl}/n8n-{device}";
        var (email, password) = await server.UserAsync("owner");
        var page = await server.SignInAsync(email, password, "/integrations", width, height);
        await page.GetByLabel("URL").FillAsync(url);
        await page.GetByLabel("contact.created").CheckAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Add webhook" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("webhook-secret")).ToContainTextAsync("shown only now");
        var row = page.GetByTestId("webhook-row").Filter(new LocatorFilterOptions { HasTextString = url });
        await Assertions.Expect(row).ToContainTextAsync("active");

        var api = await server.Factory.SignedInClientAsync(AuthPolicies.Owner);
        (await api.PostAsJsonAsync("/api/events", new { name = "contact.created", correlationKey = $"c-{device}", payload = new { id = $"c-{device}", name = "Ada" } }))
            .IsSuccessStatusCode.ShouldBeTrue();
        var id = (await api.GetFromJsonAsync<JsonArray>("/api/integrations/webhooks"))!.Single(w => (string?)w!["url"] == url)!["id"]!.GetValue<string>();
        await Eventually.ReturnsAsync(
            async () => (await api.GetFromJsonAsync<JsonArray>($"/api/integrations/webhooks/{id}/deliveries"))!.SelectMany(d => d!["log"]!.AsArray()).Count(),
            n => n >= 1, TimeSpan.FromSeconds(30), "the first attempt");

        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Deliveries" }).ClickAsync();
        var delivery = row.GetByTestId("delivery-row");
        await Assertions.Expect(delivery.GetByTestId("delivery-status")).ToHaveTextAsync("pending");
        await Assertions.Expect(delivery.GetByTestId("delivery-attempt")).ToHaveCountAsync(1);
        await Assertions.Expect(delivery.GetByTestId("delivery-attempt").First).ToContainTextAsync("500");
        await Assertions.Expect(delivery).ToContainTextAsync("n8n is restarting");
        await HeadlessChromium.ScreenshotAsync(page, $"integrations-{device}");
        await NoSidewaysScrollAsync(page, width);

        await delivery.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Resend" }).ClickAsync();
        await Eventually.ReturnsAsync(
            async () => (await api.GetFromJsonAsync<JsonArray>($"/api/integrations/webhooks/{id}/deliveries"))!.Single()!["status"]!.GetValue<string>(),
            status => status == "delivered", TimeSpan.FromSeconds(30), "the re-sent delivery");
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Refresh" }).ClickAsync();
        await Assertions.Expect(delivery.GetByTestId("delivery-status")).ToHaveTextAsync("delivered");
        await Assertions.Expect(delivery.GetByTestId("delivery-attempt")).ToHaveCountAsync(2);
        await Assertions.Expect(delivery.GetByTestId("delivery-attempt").Nth(1)).ToContainTextAsync("200");
        await NoSidewaysScrollAsync(page, width);
    }
}
