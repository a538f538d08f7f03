using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime;
using HaloAgent.Engine.Runtime.Runtime;
using HaloAgent.Server.Tests.Conversations;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HaloAgent.Studio.Tests;

/// <summary>
/// A new visitor says hello on the web chat page (Yoruba on a 390 × 844 phone, Hausa on a laptop): the agent greets them,
/// and the welcome journey waits two hours for a first order instead of sending a second welcome at once.
/// </summary>
public sealed class WelcomeBrowserTests(StudioServer server) : IClassFixture<StudioServer>
{
    [Theory]
    [InlineData(390, 844, "phone", "Ẹ káàárọ̀")]
    [InlineData(1366, 768, "laptop", "Sannu")]
    public async Task A_new_visitor_is_greeted_once_and_the_welcome_journey_waits(int width, int height, string device, string hello)
    {
        var queries = server.Factory.Services.GetRequiredService<InstanceQueries>();
        var filter = new InstanceFilter { FlowId = "welcome-journey" };
        var before = (await queries.ListAsync(TenantScope.All, filter, default)).Select(i => i.Id).ToHashSet();

        var page = await server.NewPageAsync(width, height);
        await page.GotoAsync(server.Url("/chat/mama-nkechi-kitchen"));
        await WebChatBrowserServer.SayAsync(page, hello);
        var replies = page.Locator(".msg.inbound ~ .msg.outbound");
        await replies.First.WaitForAsync();

        // The visitor's journey is parked at its two-hour wait: from here on it cannot send, so what the page shows is all.
        var journey = await Eventually.ReturnsAsync(
            () => queries.ListAsync(TenantScope.All, filter, default),
            list => list.Any(i => !before.Contains(i.Id) && i.Status == InstanceStatus.Waiting && i.CurrentNodeId == "settle"),
            TimeSpan.FromSeconds(30), $"{device}: the new visitor's welcome journey waiting at 'settle'");
        journey.Count(i => !before.Contains(i.Id)).ShouldBe(1);
        // Both of the journey's welcomes (warm and offer) carry 🍲 or 🎁 in every language; the agent's greeting does not.
        (await page.Locator(".msg.outbound", new PageLocatorOptions { HasTextRegex = new System.Text.RegularExpressions.Regex("🍲|🎁") }).CountAsync())
            .ShouldBe(0, "no journey welcome beside the agent's greeting");
        await WebChatBrowserServer.ShouldFitAsync(page);
        await HeadlessChromium.ScreenshotAsync(page, $"welcome-greeted-once-{device}");
    }
}
