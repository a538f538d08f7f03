using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Payments;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Payments.References;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Dashboard;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Dashboard;

/// <summary>
/// The owner's orders as the page reads them: the same shape loaded with the page as sent live (names, phone, product
/// names), one set of status names with the moves allowed next, and sales that count paid orders only.
/// </summary>
public sealed partial class DashboardOrdersTests : IAsyncLifetime
{
    private HaloAgentFactory _factory = null!;
    private string _businessId = "";

    public async Task InitializeAsync()
    {
        _factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite);
        _businessId = await DashboardSeed.DemoBusinessIdAsync(_factory.Services);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Listed_orders_name_the_customer_and_the_dishes_and_offer_only_the_next_moves()
    {
        var ngozi = await DashboardSeed.ContactAsync(_factory.Services, _businessId, "2348035550001", "Ngozi List");
        var order = await DashboardSeed.OrderAsync(_factory.Services, _businessId, ngozi.Id, "JOLLOF-RICE", 2, address: null);
        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);

        var listed = (await owner.GetFromJsonAsync<JsonArray>("/api/orders"))!.Single(o => o!["id"]?.GetValue<string>() == order.Id)!;
        listed["number"]!.GetValue<string>().ShouldBe(order.Number);
        listed["contactName"]!.GetValue<string>().ShouldBe("Ngozi List");
        listed["phone"]!.GetValue<string>().ShouldBe("+2348035550001");
        listed["items"]!.AsArray().ShouldHaveSingleItem()!["name"]!.GetValue<string>().ShouldBe("Jollof rice & chicken");
        listed["status"]!.GetValue<string>().ShouldBe("pending_payment");
        Names(listed["nextStatuses"]).ShouldBe(["paid", "preparing", "cancelled"]);

        using (var preparing = await owner.PostAsJsonAsync($"/api/orders/{order.Id}/status", new { status = "preparing" }))
        {
            preparing.StatusCode.ShouldBe(HttpStatusCode.OK);
            var answer = (await preparing.Content.ReadFromJsonAsync<JsonObject>())!;
            answer["status"]!.GetValue<string>().ShouldBe("preparing");
            answer["contactName"]!.GetValue<string>().ShouldBe("Ngozi List");
            Names(answer["nextStatuses"]).ShouldBe(["ready_for_pickup", "cancelled"]);
        }

        // A move the page does not offer is refused with a reason, not carried out.
        using (var skipped = await owner.PostAsJsonAsync($"/api/orders/{order.Id}/status", new { status = "completed" }))
        {
            skipped.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await skipped.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldContain("preparing");
        }

        var one = (await owner.GetFromJsonAsync<JsonObject>($"/api/orders/{order.Id}"))!;
        one["status"]!.GetValue<string>().ShouldBe("preparing");
        Names(one["nextStatuses"]).ShouldBe(["ready_for_pickup", "cancelled"]);
        (await owner.GetFromJsonAsync<JsonArray>("/api/orders?status=preparing"))!.ShouldContain(o => o!["id"]!.GetValue<string>() == order.Id);
        (await owner.GetAsync("/api/orders?status=flying")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_web_chat_visitors_order_and_contact_name_the_visitor_as_the_inbox_does_not_Customer()
    {
        var contacts = _factory.Services.GetRequiredService<HaloAgent.Commerce.Contacts.IContactService>();
        var visitor = (await contacts.UpsertFromInboundAsync(_businessId, "web:visitor-orders-0007-k9qz", null, null, "webchat", default)).Contact;
        var order = await DashboardSeed.OrderAsync(_factory.Services, _businessId, visitor.Id, "JOLLOF-RICE", 1, address: null);
        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);

        var listed = (await owner.GetFromJsonAsync<JsonArray>("/api/orders"))!.Single(o => o!["id"]!.GetValue<string>() == order.Id)!;
        listed["contactName"]!.GetValue<string>().ShouldBe("Web chat visitor K9QZ");
        var contact = (await owner.GetFromJsonAsync<JsonArray>("/api/contacts"))!.Single(c => c!["id"]!.GetValue<string>() == visitor.Id)!;
        contact["name"]!.GetValue<string>().ShouldBe("Web chat visitor K9QZ");
        var conversation = (await owner.GetFromJsonAsync<JsonObject>($"/api/conversations/{visitor.Id}"))!;
        conversation["contactName"]!.GetValue<string>().ShouldBe(listed["contactName"]!.GetValue<string>(), "one name on every page");
    }

    [Fact]
    public async Task An_order_whose_receipt_waits_reads_payment_review()
    {
        var bola = await DashboardSeed.ContactAsync(_factory.Services, _businessId, "2348035550002", "Bola Review");
        var order = await DashboardSeed.OrderAsync(_factory.Services, _businessId, bola.Id);
        var payments = _factory.Services.GetRequiredService<IPaymentService>();
        var payment = await payments.OpenAsync(order, PaymentMethod.BankTransfer, _factory.Services.GetRequiredService<PaymentReferenceGenerator>().Next, default);
        await payments.RecordClaimAsync(payment.Id, "I paid", default);
        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);

        var one = (await owner.GetFromJsonAsync<JsonObject>($"/api/orders/{order.Id}"))!;
        one["status"]!.GetValue<string>().ShouldBe("payment_review");
        Names(one["nextStatuses"]).ShouldBe(["paid", "preparing", "cancelled"]);
        one["payment"]!["reference"]!.GetValue<string>().ShouldBe(payment.Reference);
    }

    [Fact]
    public async Task The_Studio_labels_exactly_the_status_names_the_server_sends()
    {
        var file = Path.Combine(RepositoryRoot.Path, "src", "HaloAgent.Studio", "src", "api", "orderStatus.ts");
        var text = File.ReadAllText(file);
        var block = text[text.IndexOf("STATUS_LABELS = {", StringComparison.Ordinal)..];
        block = block[..block.IndexOf('}')];
        var labelled = LabelKey().Matches(block).Select(m => m.Groups[1].Value).ToList();
        labelled.ShouldBe(OrderProjection.StatusNames, ignoreOrder: true);
        OrderProjection.StatusNames.ShouldBe([.. Enum.GetValues<OrderStatus>().Select(OrderStatusNames.ToName), OrderProjection.PaymentReviewStatus], ignoreOrder: true);
    }

    private static List<string> Names(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>()).ToList();

    // The keys of the STATUS_LABELS object, one a line: `  name: 'Label',`
    [GeneratedRegex(@"^\s{2}([a-z_]+): '[^']+',\s*$", RegexOptions.Multiline)]
    private static partial Regex LabelKey();
}
