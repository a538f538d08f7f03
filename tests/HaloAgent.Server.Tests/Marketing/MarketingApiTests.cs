using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Marketing.Templates;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Dashboard;
using HaloAgent.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Marketing;

/// <summary>The marketing module wired into the server: its tables migrated, its endpoints behind the marketer-and-owner policy.</summary>
public sealed class MarketingApiTests : IAsyncLifetime
{
    private HaloAgentFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Marketers_and_owners_read_their_business_s_WhatsApp_templates_and_nobody_else_does()
    {
        var businessId = await DashboardSeed.DemoBusinessIdAsync(_factory.Services);
        var otherId = await DashboardSeed.SecondBusinessAsync(_factory.Services);
        var catalog = _factory.Services.GetRequiredService<ITemplateCatalog>();
        await catalog.UpsertAsync(new WhatsAppTemplate
        {
            BusinessId = businessId, Name = "weekend_offer", Language = "en", Category = "MARKETING", Status = WhatsAppTemplateStatus.Approved,
            Body = "Hello {{1}}!", ParameterCount = 1,
        }, default);
        await catalog.UpsertAsync(new WhatsAppTemplate
        {
            BusinessId = otherId, Name = "their_offer", Language = "en", Category = "MARKETING", Status = WhatsAppTemplateStatus.Approved, Body = "Hi",
        }, default);

        foreach (var role in new[] { AuthPolicies.Marketer, AuthPolicies.Owner })
        {
            var client = await _factory.SignedInClientAsync(role);
            var templates = (await client.GetFromJsonAsync<JsonArray>("/api/templates/whatsapp"))!;
            var template = templates.ShouldHaveSingleItem()!;
            template["name"]!.GetValue<string>().ShouldBe("weekend_offer");
            template["status"]!.GetValue<string>().ShouldBe("APPROVED");
            template["parameterCount"]!.GetValue<int>().ShouldBe(1);
        }

        var agent = await _factory.SignedInClientAsync(AuthPolicies.Agent);
        (await agent.GetAsync("/api/templates/whatsapp")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _factory.CreateClient().GetAsync("/api/templates/whatsapp")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
