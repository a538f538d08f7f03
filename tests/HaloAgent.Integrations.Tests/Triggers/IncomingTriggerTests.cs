using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Integrations.Tests.Support;

namespace HaloAgent.Integrations.Tests.Triggers;

/// <summary>n8n or Zapier starting a journey: <c>POST /hooks/{business}/{name}</c> raises <c>hook.{name}</c> and a flow on it runs.</summary>
public sealed class IncomingTriggerTests
{
    private const string LeadFlow = """
        {
          "id": "new-lead", "name": "New lead from the website",
          "nodes": [
            { "id": "start", "type": "Start", "inputs": { "trigger": "event", "event": "hook.new-lead" } },
            { "id": "save", "type": "SetVariable", "inputs": { "name": "lead", "value": "event.name" } }
          ],
          "edges": [ { "from": "start", "to": "save" } ]
        }
        """;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_hook_with_the_secret_starts_the_flow_and_a_forged_one_does_not(DatabaseProvider provider)
    {
        await using var host = await IntegrationsHost.StartAsync(provider, o => o.MaxTriggerBodyBytes = 1024);
        await host.PublishAsync(LeadFlow);
        var created = await host.JsonAsync(HttpMethod.Post, "/api/integrations/triggers", "biz-1", new { name = "new-lead" });
        var secret = created["secret"]!.GetValue<string>();
        created["event"]!.GetValue<string>().ShouldBe("hook.new-lead");
        created["path"]!.GetValue<string>().ShouldBe("/hooks/biz-1/new-lead");

        (await host.HookAsync("biz-1", "new-lead", """{"name":"Forged"}""", r => r.Headers.Add("X-Halo-Secret", secret[..^1] + "x")))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await host.HookAsync("biz-1", "new-lead", """{"name":"Nobody"}""")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var forgedSignature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("guess"), Encoding.UTF8.GetBytes("""{"name":"F"}""")));
        (await host.HookAsync("biz-1", "new-lead", """{"name":"F"}""", r => r.Headers.Add("X-Halo-Signature", forgedSignature)))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await host.HookAsync("biz-2", "new-lead", """{"name":"Other"}""", r => r.Headers.Add("X-Halo-Secret", secret)))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound, "another business has no such trigger");
        (await host.HookAsync("biz-1", "no-such", "{}", r => r.Headers.Add("X-Halo-Secret", secret))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await host.HookAsync("biz-1", "new-lead", "{not json", r => r.Headers.Add("X-Halo-Secret", secret))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await host.HookAsync("biz-1", "new-lead", $$"""{"name":"{{new string('a', 2000)}}"}""", r => r.Headers.Add("X-Halo-Secret", secret)))
            .StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        await host.DrainAsync();
        (await host.InstancesAsync("new-lead")).ShouldBeEmpty("no refused call starts anything");

        (await host.HookAsync("biz-1", "new-lead", """{"name":"Ada"}""", r => r.Headers.Add("X-Halo-Secret", secret))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        const string signed = """{"name":"Bola","correlationKey":"lead-7"}""";
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(signed)));
        for (var i = 0; i < 2; i++)
        {
            // Zapier retrying with the same Idempotency-Key raises the event once.
            (await host.HookAsync("biz-1", "new-lead", signed, r =>
            {
                r.Headers.Add("X-Halo-Signature", signature);
                r.Headers.Add("Idempotency-Key", "zap-1");
            })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        await host.DrainAsync();
        var instances = await host.InstancesAsync("new-lead");
        instances.Count.ShouldBe(2);
        var leads = new List<string>();
        foreach (var instance in instances)
        {
            var details = await host.InstanceAsync(instance.Id);
            leads.Add((string)details.Variables["lead"]!);
        }

        leads.Order().ShouldBe(["Ada", "Bola"]);
        instances.ShouldContain(i => i.CorrelationKey == "lead-7");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Triggers_are_the_business_s_own_and_bad_names_are_refused(DatabaseProvider provider)
    {
        await using var host = await IntegrationsHost.StartAsync(provider);
        var created = await host.JsonAsync(HttpMethod.Post, "/api/integrations/triggers", "biz-1", new { name = "order-from-shopify" });
        var list = (await host.JsonAsync(HttpMethod.Get, "/api/integrations/triggers", "biz-1")).AsArray();
        list.Single()!["name"]!.GetValue<string>().ShouldBe("order-from-shopify");
        list.ToJsonString().ShouldNotContain(created["secret"]!.GetValue<string>(), Case.Sensitive);
        (await host.JsonAsync(HttpMethod.Get, "/api/integrations/triggers", "biz-2")).AsArray().ShouldBeEmpty();

        foreach (var bad in new[] { "Bad Name", "-x", "x-", "", "order-from-shopify" })
        {
            using var response = await host.SendAsync(HttpMethod.Post, "/api/integrations/triggers", "biz-1", new { name = bad });
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, bad);
            JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["name"].ShouldNotBeNull();
        }

        var id = created["id"]!.GetValue<string>();
        (await host.SendAsync(HttpMethod.Delete, $"/api/integrations/triggers/{id}", "biz-2")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await host.SendAsync(HttpMethod.Delete, $"/api/integrations/triggers/{id}", "biz-1")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }
}
