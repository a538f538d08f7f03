using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HaloAgent.Channels.History;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Conversations;
using HaloAgent.Commerce.Persistence;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Conversations;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.FakeGraph;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Dashboard;

/// <summary>Contacts: search, the owner's NDPA export and erasure, CSV import, and who may do which.</summary>
public sealed class DashboardContactsTests : IAsyncLifetime
{
    private const string AppSecret = "contacts-app-secret";
    private const int MaxImportBytes = 4000;
    private FakeGraphServer _graph = null!;
    private HaloAgentFactory _factory = null!;
    private string _businessId = "";

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            ["WhatsApp:AppSecret"] = AppSecret,
            ["WhatsApp:GraphBaseUrl"] = _graph.BaseUrl,
            ["WhatsApp:PhoneNumberId"] = WhatsAppWebhookBuilder.DefaultPhoneNumberId,
            ["WhatsApp:AccessToken"] = _graph.AccessToken,
            ["WhatsApp:PairSpacing"] = "00:00:00",
            ["HaloAgent:Dashboard:MaxImportBytes"] = MaxImportBytes.ToString(),
        });
        _businessId = await DashboardSeed.DemoBusinessIdAsync(_factory.Services);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task Contacts_are_found_by_name_or_by_phone_in_any_shape()
    {
        var ada = await DashboardSeed.ContactAsync(_factory.Services, _businessId, "2348031110001", "Ada Obi");
        var bola = await DashboardSeed.ContactAsync(_factory.Services, _businessId, "2348031110002", "Bola Ade");
        await DashboardSeed.OrderAsync(_factory.Services, _businessId, ada.Id);
        var marketer = await _factory.SignedInClientAsync(AuthPolicies.Marketer);

        var byName = await SearchAsync(marketer, "ADA o");
        byName.ShouldHaveSingleItem()!["id"]!.GetValue<string>().ShouldBe(ada.Id);
        byName[0]!["phone"]!.GetValue<string>().ShouldBe("+2348031110001");
        byName[0]!["name"]!.GetValue<string>().ShouldBe("Ada Obi");
        byName[0]!["language"]!.GetValue<string>().ShouldBe("en");
        byName[0]!["marketingOptIn"]!.GetValue<bool>().ShouldBeFalse();
        byName[0]!["lastSeenAt"].ShouldNotBeNull();
        byName[0]!["createdAt"].ShouldNotBeNull();

        (await SearchAsync(marketer, "0803 111 0002")).ShouldHaveSingleItem()!["id"]!.GetValue<string>().ShouldBe(bola.Id);
        (await SearchAsync(marketer, "+234 803 111 0002")).ShouldHaveSingleItem()!["id"]!.GetValue<string>().ShouldBe(bola.Id);
        var all = (await SearchAsync(marketer, null)).Select(c => c!["id"]!.GetValue<string>()).ToList();
        all.ShouldContain(ada.Id);
        all.ShouldContain(bola.Id);
        (await SearchAsync(marketer, "nobody-by-that-name")).ShouldBeEmpty();
        (await _factory.CreateClient().GetAsync("/api/contacts")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_owner_exports_everything_about_a_contact_and_erases_them()
    {
        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        var customer = new WhatsAppCustomer(_factory.CreateClient(), _graph, AppSecret, "2348031110050");
        await customer.SaysAsync("Hello", r => r.Text?.Contains("Mama Nkechi") == true, "the greeting");
        var contact = (await Service<IContactService>().FindByWaIdAsync(_businessId, customer.Phone, default))!;
        await Service<IConversationMemory>().SetFactAsync(_businessId, contact.Id, "favourite", "extra pepper", default);
        var order = await DashboardSeed.OrderAsync(_factory.Services, _businessId, contact.Id, address: "12 Allen Avenue, Ikeja");

        using (var export = await owner.GetAsync($"/api/contacts/{contact.Id}/export"))
        {
            export.StatusCode.ShouldBe(HttpStatusCode.OK);
            export.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
            export.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
            var document = JsonNode.Parse(await export.Content.ReadAsStringAsync())!;
            document["profile"]!["id"]!.GetValue<string>().ShouldBe(contact.Id);
            document["profile"]!["phone"]!.GetValue<string>().ShouldBe("+2348031110050");
            document["profile"]!["name"]!.GetValue<string>().ShouldBe("Ada");
            document["consent"]!["dataProcessing"]!.GetValue<bool>().ShouldBeTrue();
            document["consent"]!["marketing"]!.GetValue<bool>().ShouldBeFalse();
            document["memory"]!["facts"]!["favourite"]!.GetValue<string>().ShouldBe("extra pepper");
            var orders = document["orders"]!.AsArray();
            orders.ShouldHaveSingleItem()!["number"]!.GetValue<string>().ShouldBe(order.Number);
            orders[0]!["deliveryAddress"]!.GetValue<string>().ShouldBe("12 Allen Avenue, Ikeja");
            var messages = document["messages"]!.AsArray();
            messages.ShouldContain(m => m!["text"]!.GetValue<string>() == "Hello" && m["direction"]!.GetValue<string>() == "inbound");
            messages.ShouldContain(m => m!["text"]!.GetValue<string>().Contains("Mama Nkechi"));
        }

        // Messages still being sent are left alone by an erasure (the sender holds them): wait until the replies went out.
        await Eventually.ReturnsAsync(
            () => Service<ConversationHistory>().GetAsync(_businessId, customer.Phone, 100, default),
            h => h.Where(m => m.Direction == ConversationEntry.Outbound).All(m => m.Status is "sent" or "delivered" or "read" or "failed"),
            what: "the replies sent");
        (await owner.DeleteAsync($"/api/contacts/{contact.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // Gone for the dashboard: not listed, not found, not exportable again.
        (await SearchAsync(owner, "Ada")).ShouldNotContain(c => c!["id"]!.GetValue<string>() == contact.Id);
        (await owner.GetAsync($"/api/contacts/{contact.Id}/export")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await owner.GetAsync($"/api/conversations/{contact.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await owner.DeleteAsync($"/api/contacts/{contact.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await using var db = await Service<IDbContextFactory<CommerceDbContext>>().CreateDbContextAsync();
        var row = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contact.Id);
        row.Name.ShouldBeNull();
        row.PhoneE164.ShouldBeNull();
        row.WaId.ShouldBe($"erased:{contact.Id}");
        row.MarketingConsent.ShouldBeFalse();
        row.MarketingOptOut.ShouldBeTrue();
        (await db.ConversationMemory.AnyAsync(m => m.ContactId == contact.Id)).ShouldBeFalse();
        var kept = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id);
        kept.DeliveryAddress.ShouldBeNull();
        kept.TotalKobo.ShouldBe(order.TotalKobo, "the sale stays in the books");
        (await db.OrderItems.CountAsync(i => i.OrderId == order.Id)).ShouldBe(order.Lines.Count);

        // The message log no longer holds the number or the text.
        var history = Service<ConversationHistory>();
        (await history.GetAsync(_businessId, customer.Phone, 100, default)).ShouldBeEmpty();
        var erased = await history.GetAsync(_businessId, row.WaId, 100, default);
        erased.ShouldNotBeEmpty();
        erased.ShouldAllBe(m => m.Text == "[erased]");
    }

    [Fact]
    public async Task A_csv_import_adds_and_updates_contacts_and_reports_each_broken_row()
    {
        var existing = await DashboardSeed.ContactAsync(_factory.Services, _businessId, "2348031110101", "Ada");
        var stopped = await DashboardSeed.ContactAsync(_factory.Services, _businessId, "2348031110102", "Stopped");
        await Service<IContactService>().OptOutAsync(stopped.Id, default);
        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        var csv = string.Join("\r\n",
            "name,phone,language,marketingOptIn",
            "Ada Obi,0803 111 0101,en,true",
            "Kemi,+234 805 000 0003,yo,false",
            "Bad Phone,12345,en,true",
            "Unknown Lang,08050000004,fr,true",
            "Bad Bool,08050000005,en,maybe",
            "\"Okafor, Ngozi\",08050000006,Igbo,yes",
            "",
            "Too Many,08050000007,en,true,extra",
            "Stopped,08031110102,en,true",
            "\"Unclosed,08050000008,en,true");

        var result = await ImportAsync(owner, csv);
        result["imported"]!.GetValue<int>().ShouldBe(2);
        result["updated"]!.GetValue<int>().ShouldBe(2);
        var errors = result["errors"]!.AsArray().Select(e => (Line: e!["line"]!.GetValue<int>(), Message: e["message"]!.GetValue<string>())).ToList();
        errors.Select(e => e.Line).ShouldBe([4, 5, 6, 9, 11]);
        errors[0].Message.ShouldContain("12345");
        errors[1].Message.ShouldContain("fr");
        errors[2].Message.ShouldContain("maybe");
        errors[3].Message.ShouldContain("columns");
        errors[4].Message.ShouldContain("quoted");

        var ada = (await SearchAsync(owner, "0803 111 0101")).ShouldHaveSingleItem()!;
        ada["id"]!.GetValue<string>().ShouldBe(existing.Id, "matched by phone, not duplicated");
        ada["name"]!.GetValue<string>().ShouldBe("Ada Obi");
        ada["marketingOptIn"]!.GetValue<bool>().ShouldBeTrue();
        var ngozi = (await SearchAsync(owner, "ngozi")).ShouldHaveSingleItem()!;
        ngozi["name"]!.GetValue<string>().ShouldBe("Okafor, Ngozi");
        ngozi["language"]!.GetValue<string>().ShouldBe("ig");
        ngozi["phone"]!.GetValue<string>().ShouldBe("+2348050000006");
        ngozi["marketingOptIn"]!.GetValue<bool>().ShouldBeTrue();
        (await SearchAsync(owner, "Kemi")).ShouldHaveSingleItem()!["marketingOptIn"]!.GetValue<bool>().ShouldBeFalse();
        (await SearchAsync(owner, "Stopped")).ShouldHaveSingleItem()!["marketingOptIn"]!.GetValue<bool>().ShouldBeFalse("a STOP is lifted only by the customer");

        // No header is fine too; the same file again updates instead of duplicating.
        var again = await ImportAsync(owner, "Tunde,08050000010,pcm,no\nTunde B,08050000010,,\n");
        again["imported"]!.GetValue<int>().ShouldBe(1);
        again["updated"]!.GetValue<int>().ShouldBe(1);
        again["errors"]!.AsArray().ShouldBeEmpty();
        var tunde = (await SearchAsync(owner, "tunde")).ShouldHaveSingleItem()!;
        tunde["name"]!.GetValue<string>().ShouldBe("Tunde B");
        tunde["language"]!.GetValue<string>().ShouldBe("pcm");
    }

    [Fact]
    public async Task An_excel_csv_utf8_file_with_semicolons_and_a_line_break_in_a_name_is_imported()
    {
        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        var text = "name;phone;language;marketingOptIn\r\n\"Adaeze\nOkafor; Mrs\";0803 111 0301;ig;yes\r\nBello;08031110302;ha;no\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(); // Excel's "CSV UTF-8" starts with a BOM

        using var response = await owner.PostAsync("/api/contacts/import", new ByteArrayContent(bytes));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        result["errors"]!.AsArray().ShouldBeEmpty();
        result["imported"]!.GetValue<int>().ShouldBe(2);
        var adaeze = (await SearchAsync(owner, "0803 111 0301")).ShouldHaveSingleItem()!;
        adaeze["name"]!.GetValue<string>().ShouldBe("Adaeze Okafor; Mrs");
        adaeze["language"]!.GetValue<string>().ShouldBe("ig");
        adaeze["marketingOptIn"]!.GetValue<bool>().ShouldBeTrue();
        (await SearchAsync(owner, "Bello")).ShouldHaveSingleItem()!["language"]!.GetValue<string>().ShouldBe("ha");
    }

    [Fact]
    public async Task Imports_are_capped_and_empty_ones_refused()
    {
        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        var big = new StringBuilder();
        for (var i = 0; big.Length <= MaxImportBytes; i++)
        {
            big.Append($"Customer {i},0805{i:0000000},en,true\n");
        }

        using (var response = await PostCsvAsync(owner, big.ToString()))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        }

        using (var empty = await PostCsvAsync(owner, "  \n"))
        {
            empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        (await SearchAsync(owner, "Customer 1")).ShouldBeEmpty("nothing of a refused upload is imported");
    }

    [Fact]
    public async Task Only_the_owner_exports_erases_or_imports()
    {
        var contact = await DashboardSeed.ContactAsync(_factory.Services, _businessId, "2348031110201", "Private");
        foreach (var role in new[] { AuthPolicies.Agent, AuthPolicies.Marketer })
        {
            var client = await _factory.SignedInClientAsync(role);
            (await client.GetAsync($"/api/contacts/{contact.Id}/export")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, role);
            (await client.DeleteAsync($"/api/contacts/{contact.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, role);
            using var import = await PostCsvAsync(client, "Someone,08050000099,en,true");
            import.StatusCode.ShouldBe(HttpStatusCode.Forbidden, role);
            (await client.GetAsync("/api/contacts")).StatusCode.ShouldBe(HttpStatusCode.OK, role);
        }

        (await Service<IContactService>().GetAsync(contact.Id, default))!.Name.ShouldBe("Private");
        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        (await owner.GetAsync("/api/contacts/unknown-id/export")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await owner.DeleteAsync("/api/contacts/unknown-id")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private T Service<T>() where T : notnull => _factory.Services.GetRequiredService<T>();

    private static async Task<JsonArray> SearchAsync(HttpClient client, string? q)
    {
        using var response = await client.GetAsync(q is null ? "/api/contacts" : $"/api/contacts?q={Uri.EscapeDataString(q)}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    private static async Task<JsonObject> ImportAsync(HttpClient client, string csv)
    {
        using var response = await PostCsvAsync(client, csv);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static Task<HttpResponseMessage> PostCsvAsync(HttpClient client, string csv) =>
        client.PostAsync("/api/contacts/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
}
