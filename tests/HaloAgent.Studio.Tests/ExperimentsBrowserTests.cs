using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using HaloAgent.Server.Tests.Dashboard;
using HaloAgent.Server.Tests.Marketing;
using HaloAgent.Testing.Browser;
using Microsoft.Playwright;
using static HaloAgent.Studio.Tests.BrowserChecks;

namespace HaloAgent.Studio.Tests;

/// <summary>
/// A marketer on a 390 × 844 phone and a 1366 × 768 laptop, in headless Chromium, opens the experiments: one where B
/// converts 20 % against A's 10 % (the verdict sentence, the variants side by side) and one whose 60/40 split was
/// configured as 50/50 (the SRM warning); promotes B and reads that version 2 now sends everyone its way.
/// </summary>
public sealed class ExperimentsBrowserTests(StudioServer server) : IClassFixture<StudioServer>
{
    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 768, "laptop")]
    public async Task A_marketer_reads_the_verdict_and_the_SRM_warning_and_promotes_the_winner(int width, int height, string device)
    {
        var services = server.Factory.Services;
        var businessId = await DashboardSeed.DemoBusinessIdAsync(services);
        using var owner = await server.Factory.SignedInClientAsync(HaloAgent.Server.Auth.AuthPolicies.Owner);
        var (clear, skewed) = ($"ab-{device}", $"srm-{device}");
        var (clearLabel, skewedLabel) = ($"Menu test {device}", $"Skewed test {device}");
        foreach (var (id, label) in new[] { (clear, clearLabel), (skewed, skewedLabel) })
        {
            using var imported = await owner.PostAsync("/api/flows/import?publish=true", new StringContent(ExperimentSeed.Flow(id, label), Encoding.UTF8, "application/json"));
            imported.IsSuccessStatusCode.ShouldBeTrue(await imported.Content.ReadAsStringAsync());
        }

        var at = DateTimeOffset.UtcNow.AddDays(-10).ToUnixTimeMilliseconds();
        await ExperimentSeed.SeedAsync(services, businessId, clear, "A", 1000, converted: 100, late: 0, at);
        await ExperimentSeed.SeedAsync(services, businessId, clear, "B", 1000, converted: 200, late: 0, at);
        await ExperimentSeed.SeedAsync(services, businessId, skewed, "A", 1200, converted: 120, late: 0, at);
        await ExperimentSeed.SeedAsync(services, businessId, skewed, "B", 800, converted: 80, late: 0, at);

        var (email, password) = await server.UserAsync("marketer");
        var page = await server.SignInAsync(email, password, "/experiments", width, height);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Experiments" })).ToBeVisibleAsync();
        var skewedRow = page.GetByTestId("experiment-row").Filter(new LocatorFilterOptions { HasTextString = skewedLabel });
        await Assertions.Expect(skewedRow).ToContainTextAsync("SRM");
        await Assertions.Expect(skewedRow).ToContainTextAsync("2,000");
        await NoSidewaysScrollAsync(page, width);
        await HeadlessChromium.ScreenshotAsync(page, $"experiments-list-{device}");

        await skewedRow.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = skewedLabel }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = skewedLabel })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("experiment-srm")).ToContainTextAsync("Sample-ratio mismatch");
        await Assertions.Expect(page.GetByTestId("experiment-verdict")).ToContainTextAsync("No verdict");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Promote winner" })).ToBeDisabledAsync();
        await NoSidewaysScrollAsync(page, width);

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "← Experiments" }).ClickAsync();
        await page.GetByTestId("experiment-row").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = clearLabel }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/experiments/{clear}(%3A|:)split$"));
        await Assertions.Expect(page.GetByTestId("experiment-verdict")).ToContainTextAsync("B beats A with > 99 % chance; +100 % orders, interval +");
        await Assertions.Expect(page.GetByTestId("experiment-srm")).ToHaveCountAsync(0);
        var variants = page.GetByTestId("experiment-variant");
        await Assertions.Expect(variants).ToHaveCountAsync(2);
        await Assertions.Expect(variants.Nth(0).GetByTestId("variant-rate")).ToHaveTextAsync("10.0 %");
        await Assertions.Expect(variants.Nth(1).GetByTestId("variant-rate")).ToHaveTextAsync("20.0 %");
        await Assertions.Expect(variants.Nth(1)).ToContainTextAsync("₦500,000");
        await Assertions.Expect(variants.Nth(1).GetByTestId("variant-chance")).ToHaveTextAsync("> 99 %");
        await NoSidewaysScrollAsync(page, width);
        await HeadlessChromium.ScreenshotAsync(page, $"experiment-detail-{device}");

        // Side by side on a laptop, one under the other on a phone.
        var first = (await variants.Nth(0).BoundingBoxAsync())!;
        var second = (await variants.Nth(1).BoundingBoxAsync())!;
        if (width >= 1000)
        {
            second.Y.ShouldBe(first.Y, 1);
        }
        else
        {
            second.Y.ShouldBeGreaterThan(first.Y + first.Height - 1);
        }

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Promote B" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("experiment-status")).ToHaveTextAsync("Promoted");
        await Assertions.Expect(page.GetByTestId("experiment-promoted")).ToHaveTextAsync("B was promoted in version 2.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Stop" })).ToBeDisabledAsync();
        var flow = (await owner.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/flows/{clear}"))!;
        flow["flow"]!["activeVersion"]!.GetValue<int>().ShouldBe(2);
        await NoSidewaysScrollAsync(page, width);
    }

    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 768, "laptop")]
    public async Task A_marketer_stops_an_experiment_and_is_told_everyone_now_gets_the_control(int width, int height, string device)
    {
        using var owner = await server.Factory.SignedInClientAsync(HaloAgent.Server.Auth.AuthPolicies.Owner);
        var (id, label) = ($"stop-{device}", $"Stop test {device}");
        using (var imported = await owner.PostAsync("/api/flows/import?publish=true", new StringContent(ExperimentSeed.Flow(id, label), Encoding.UTF8, "application/json")))
        {
            imported.IsSuccessStatusCode.ShouldBeTrue(await imported.Content.ReadAsStringAsync());
        }

        var (email, password) = await server.UserAsync("marketer");
        var page = await server.SignInAsync(email, password, "/experiments", width, height);
        await page.GetByTestId("experiment-row").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = label }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("experiment-status")).ToHaveTextAsync("Running");

        // The question names what stopping does to the contacts still to come; the answer says it was done.
        var asked = new TaskCompletionSource<string>();
        page.Dialog += (_, dialog) =>
        {
            asked.TrySetResult(dialog.Message);
            _ = dialog.AcceptAsync();
        };
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Stop", Exact = true }).ClickAsync();
        (await asked.Task.WaitAsync(TimeSpan.FromSeconds(30))).ShouldContain("Everyone gets A (the control) from now on");
        await Assertions.Expect(page.GetByTestId("experiment-status")).ToHaveTextAsync("Stopped");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Stopped: everyone gets A from now on");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Stop", Exact = true })).ToBeDisabledAsync();
        (await owner.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/experiments/{id}:split"))!["status"]!.GetValue<string>().ShouldBe("stopped");
        await NoSidewaysScrollAsync(page, width);
        await HeadlessChromium.ScreenshotAsync(page, $"experiment-stopped-{device}");
    }
}
