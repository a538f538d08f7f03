using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using HaloAgent.Commerce.Persistence;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.FakeGraph;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Admin;

/// <summary>
/// Poison webhooks against the real server and agent: dead-lettered after one attempt, no contact and no flow
/// instance created; the platform admin lists, re-queues and discards them; other roles cannot.
/// </summary>
public abstract class DeadLettersApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string AppSecret = "secret";
    private HaloAgentFactory _factory = null!;
    private HttpClient _anonymous = null!;

    public async Task InitializeAsync()
    {
        _factory = await HaloAgentFactory.CreateAsync(provider, new Dictionary<string, string>
        {
            ["WhatsApp:AppSecret"] = AppSecret,
            ["WhatsApp:PhoneNumberId"] = WhatsAppWebhookBuilder.DefaultPhoneNumberId,
            ["WhatsApp:GraphBaseUrl"] = "http://127.0.0.1:9/v21.0",
        });
        _anonymous = _factory.CreateClient();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static byte[] Webhook(string from, string text) => Encoding.UTF8.GetBytes(
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"WABA-1\",\"changes\":[{\"field\":\"messages\",\"value\":{"
        + $"\"messaging_product\":\"whatsapp\",\"metadata\":{{\"display_phone_number\":\"2348000000000\",\"phone_number_id\":\"{WhatsAppWebhookBuilder.DefaultPhoneNumberId}\"}},"
        + $"\"contacts\":[{{\"profile\":{{\"name\":\"Ada\"}},\"wa_id\":\"{from}\"}}],"
        + $"\"messages\":[{{\"from\":\"{from}\",\"id\":\"{WhatsAppWebhookBuilder.NewMessageId()}\",\"timestamp\":\"1764000000\",\"type\":\"text\",\"text\":{{\"body\":\"{text}\"}}}}]}}}}]}}]}}");

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<CommerceDbContext>>().CreateDbContextAsync();
        return (await db.Database.GetDbConnection().ExecuteScalarAsync<T>(sql))!;
    }

    [Fact]
    public async Task A_poison_sender_creates_no_contact_and_no_instance_and_the_admin_can_requeue_or_discard_it()
    {
        var contacts = await ScalarAsync<long>("SELECT COUNT(*) FROM contacts");
        var instances = await ScalarAsync<long>("SELECT COUNT(*) FROM flow_instances");

        foreach (var from in new[] { "23480ABCDEF01", new string('9', 500) })
        {
            using var response = await _anonymous.SendAsync(WhatsAppWebhookBuilder.Sign(AppSecret, Webhook(from, "I want rice")).ToRequest("/webhooks/whatsapp"));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await Eventually.ReturnsAsync(() => ScalarAsync<long>("SELECT COUNT(*) FROM webhook_inbox WHERE status = 'dead'"), n => n == 2, TimeSpan.FromSeconds(30), "two dead letters");
        (await ScalarAsync<long>("SELECT MAX(attempts) FROM webhook_inbox")).ShouldBe(1);
        (await ScalarAsync<long>("SELECT COUNT(*) FROM contacts")).ShouldBe(contacts);
        (await ScalarAsync<long>("SELECT COUNT(*) FROM flow_instances")).ShouldBe(instances);
        (await ScalarAsync<long>("SELECT COUNT(*) FROM channel_inbound_messages")).ShouldBe(0);

        var admin = await _factory.SignedInClientAsync(AuthPolicies.Admin);
        var page = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/dead-letters?take=1"))!;
        page["total"]!.GetValue<long>().ShouldBe(2);
        var letter = page["items"]!.AsArray().ShouldHaveSingleItem()!.AsObject();
        letter["channel"]!.GetValue<string>().ShouldBe("whatsapp");
        letter["reason"]!.GetValue<string>().ShouldContain("Invalid sender");
        letter["receivedAt"].ShouldNotBeNull();
        var excerpt = letter["excerpt"]!.GetValue<string>();
        excerpt.ShouldNotContain("I want rice");
        excerpt.ShouldNotContain("23480ABCDEF01");
        var id = letter["id"]!.GetValue<string>();

        // Re-queued as it is, it is judged the same way again: dead, still no contact.
        using (var requeue = await admin.PostAsync($"/api/admin/dead-letters/{id}/requeue", null))
        {
            requeue.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        await Eventually.ReturnsAsync(
            () => ScalarAsync<long>($"SELECT COUNT(*) FROM webhook_inbox WHERE status = 'dead' AND id = '{id}'"), n => n == 1, TimeSpan.FromSeconds(30), "dead again");
        (await ScalarAsync<long>("SELECT COUNT(*) FROM contacts")).ShouldBe(contacts);

        using (var discard = await admin.DeleteAsync($"/api/admin/dead-letters/{id}"))
        {
            discard.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        using (var again = await admin.DeleteAsync($"/api/admin/dead-letters/{id}"))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using (var missing = await admin.PostAsync("/api/admin/dead-letters/no-such-id/requeue", null))
        {
            missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await admin.GetFromJsonAsync<JsonObject>("/api/admin/dead-letters"))!["total"]!.GetValue<long>().ShouldBe(1);
    }

    [Fact]
    public async Task Only_the_admin_role_reads_or_changes_dead_letters()
    {
        using (var anonymous = await _anonymous.GetAsync("/api/admin/dead-letters"))
        {
            anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        using (var read = await owner.GetAsync("/api/admin/dead-letters"))
        {
            read.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using (var requeue = await owner.PostAsync("/api/admin/dead-letters/x/requeue", null))
        {
            requeue.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using (var discard = await owner.DeleteAsync("/api/admin/dead-letters/x"))
        {
            discard.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
    }
}

public sealed class SqliteDeadLettersApiTests() : DeadLettersApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresDeadLettersApiTests() : DeadLettersApiTests(DatabaseProvider.Postgres);
