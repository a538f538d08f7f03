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

    [Fact]
    public async Task A_marketer_previews_saves_and_edits_a_segment_and_another_business_cannot_see_it()
    {
        var businessId = await DashboardSeed.DemoBusinessIdAsync(_factory.Services);
        var contacts = _factory.Services.GetRequiredService<HaloAgent.Commerce.Contacts.IContactService>();
        foreach (var (waId, name, tags) in new[] { ("2348031110001", "Ada", new[] { "vip" }), ("2348031110002", "Bola", new[] { "vip", "lekki" }), ("2348031110003", "Chidi", Array.Empty<string>()) })
        {
            var contact = (await contacts.UpsertFromInboundAsync(businessId, waId, name, null, null, default)).Contact;
            await contacts.SetTagsAsync(contact.Id, tags, default);
        }

        var marketer = await _factory.SignedInClientAsync(AuthPolicies.Marketer);
        var fields = (await marketer.GetFromJsonAsync<JsonArray>("/api/segments/fields"))!;
        fields.Select(f => f!["name"]!.GetValue<string>()).ShouldContain("tag");
        fields.Single(f => f!["name"]!.GetValue<string>() == "language")!["kind"]!.GetValue<string>().ShouldBe("Choice");

        var vip = new { match = "all", conditions = new object[] { new { field = "tag", op = "has", value = "vip" } } };
        using var preview = await marketer.PostAsJsonAsync("/api/segments/preview", new { filter = vip });
        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = (await preview.Content.ReadFromJsonAsync<JsonObject>())!;
        body["count"]!.GetValue<int>().ShouldBe(2);
        body["sample"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()).Order().ShouldBe(["Ada", "Bola"]);

        using var bad = await marketer.PostAsJsonAsync("/api/segments/preview", new { filter = new { match = "all", conditions = new[] { new { field = "colour", op = "is", value = "red" } } } });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("unknown field 'colour'");

        using var created = await marketer.PostAsJsonAsync("/api/segments", new { name = "VIPs", filter = vip });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        using var twin = await marketer.PostAsJsonAsync("/api/segments", new { name = "VIPs", filter = vip });
        twin.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await twin.Content.ReadAsStringAsync()).ShouldContain("already called 'VIPs'");

        var lekki = new { match = "all", conditions = new object[] { new { field = "tag", op = "has", value = "vip" }, new { field = "tag", op = "has", value = "lekki" } } };
        (await marketer.PutAsJsonAsync($"/api/segments/{id}", new { name = "Lekki VIPs", filter = lekki })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var listed = (await marketer.GetFromJsonAsync<JsonArray>("/api/segments"))!.ShouldHaveSingleItem()!;
        listed["name"]!.GetValue<string>().ShouldBe("Lekki VIPs");
        listed["count"]!.GetValue<int>().ShouldBe(1);

        var otherSlug = await DashboardSeed.SecondBusinessAsync(_factory.Services);
        var stranger = await _factory.SignedInClientAsync(AuthPolicies.Owner, otherSlug);
        (await stranger.GetFromJsonAsync<JsonArray>("/api/segments"))!.ShouldBeEmpty();
        (await stranger.GetAsync($"/api/segments/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.DeleteAsync($"/api/segments/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var theirPreview = await stranger.PostAsJsonAsync("/api/segments/preview", new { filter = vip });
        (await theirPreview.Content.ReadFromJsonAsync<JsonObject>())!["count"]!.GetValue<int>().ShouldBe(0, "their contacts, not ours");
        var agent = await _factory.SignedInClientAsync(AuthPolicies.Agent);
        (await agent.GetAsync("/api/segments")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await marketer.DeleteAsync($"/api/segments/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await marketer.GetFromJsonAsync<JsonArray>("/api/segments"))!.ShouldBeEmpty();
    }
}
