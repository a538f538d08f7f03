using System.Net;
using System.Text.Json.Nodes;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Integrations.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Integrations.Tests.Webhooks;

public sealed class WebhooksApiTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Webhooks_are_managed_per_business_and_bad_input_is_a_problem_naming_the_field(DatabaseProvider provider)
    {
        await using var host = await IntegrationsHost.StartAsync(provider);
        var created = await host.JsonAsync(HttpMethod.Post, "/api/integrations/webhooks", "biz-1",
            new { url = "https://hooks.zapier.com/hooks/catch/1/abc", events = new[] { "order.created", "contact.created" } });
        var id = created["id"]!.GetValue<string>();

        var list = (await host.JsonAsync(HttpMethod.Get, "/api/integrations/webhooks", "biz-1")).AsArray();
        list.Single()!["events"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldBe(["order.created", "contact.created"]);
        list.ToJsonString().ShouldNotContain(created["secret"]!.GetValue<string>(), Case.Sensitive, "the secret is shown once, on creation");
        (await host.JsonAsync(HttpMethod.Get, "/api/integrations/webhooks", "biz-2")).AsArray().ShouldBeEmpty();
        await using (var db = await host.Get<IDbContextFactory<IntegrationsDbContext>>().CreateDbContextAsync())
        {
            var stored = (await db.Webhooks.SingleAsync()).Secret;
            stored.ShouldStartWith("dp1:", Case.Sensitive, "the signing secret is encrypted at rest");
            stored.ShouldNotContain(created["secret"]!.GetValue<string>());
        }

        var updated = await host.JsonAsync(HttpMethod.Put, $"/api/integrations/webhooks/{id}", "biz-1",
            new { url = "https://hook.eu1.make.com/xyz", events = new[] { "conversation.handed_over" }, active = false });
        updated["active"]!.GetValue<bool>().ShouldBeFalse();
        (await host.SendAsync(HttpMethod.Put, $"/api/integrations/webhooks/{id}", "biz-2", new { url = "https://a.example/x", events = new[] { "order.created" } }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await host.SendAsync(HttpMethod.Delete, $"/api/integrations/webhooks/{id}", "biz-2")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await Refused(host, new { url = "http://hooks.example.com/x", events = new[] { "order.created" } }, "url", "https");
        await Refused(host, new { url = "not a url", events = new[] { "order.created" } }, "url", "not an absolute");
        await Refused(host, new { url = "https://a.example/x", events = new[] { "order.exploded" } }, "events", "'order.exploded'");
        await Refused(host, new { url = "https://a.example/x", events = Array.Empty<string>() }, "events", "at least one");

        (await host.SendAsync(HttpMethod.Delete, $"/api/integrations/webhooks/{id}", "biz-1")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await host.JsonAsync(HttpMethod.Get, "/api/integrations/webhooks", "biz-1")).AsArray().ShouldBeEmpty();
    }

    private static async Task Refused(IntegrationsHost host, object body, string field, string message)
    {
        using var response = await host.SendAsync(HttpMethod.Post, "/api/integrations/webhooks", "biz-1", body);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["errors"]![field]![0]!.GetValue<string>().ShouldContain(message);
    }
}
