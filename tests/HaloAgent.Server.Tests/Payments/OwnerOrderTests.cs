using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Orders;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Support;

namespace HaloAgent.Server.Tests.Payments;

/// <summary>The owner moves orders along through the signed-in API; the customer hears about each step in their language.</summary>
public sealed class OwnerOrderTests : IAsyncLifetime
{
    private PaymentsServer _server = null!;

    public async Task InitializeAsync() => _server = await PaymentsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Paid_preparing_ready_completed_each_notify_the_customer_and_completion_adds_loyalty()
    {
        var customer = _server.Customer("2348130000021");
        var order = await _server.PlaceOrderAsync(customer, "Mo fẹ́ ra jollof méjì", "rárá");
        var owner = await _server.OwnerAsync();

        var listed = (await owner.GetFromJsonAsync<JsonArray>("/api/orders?status=pending_payment"))!;
        listed.ShouldContain(o => o!["id"]!.GetValue<string>() == order.Id);
        var one = (await owner.GetFromJsonAsync<JsonObject>($"/api/orders/{order.Id}"))!;
        one["payment"]!["reference"]!.GetValue<string>().ShouldBe(order.Reference);

        string[] expected = ["A ti jẹ́rìí sí ìsanwó", "A ti ń se ọjà yín", "ti ṣetán", "ti parí"];
        string[] statuses = ["paid", "preparing", "ready_for_pickup", "completed"];
        for (var i = 0; i < statuses.Length; i++)
        {
            var before = customer.Replies.Count;
            using var moved = await owner.PostAsJsonAsync($"/api/orders/{order.Id}/status", new { status = statuses[i], note = "from the kitchen" });
            moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
            var text = expected[i];
            await Eventually.ReturnsAsync(() => Task.FromResult(customer.Replies.Skip(before).ToList()),
                r => r.Any(m => m.Text?.Contains(text) == true && m.Text.Contains(order.Number)), TimeSpan.FromSeconds(30), $"told '{statuses[i]}' in Yoruba");
        }

        var final = await _server.OrderAsync(order.Id);
        final.Status.ShouldBe(OrderStatus.Completed);
        final.History.Select(h => h.To).ShouldBe([OrderStatus.PendingPayment, OrderStatus.Paid, OrderStatus.Preparing, OrderStatus.ReadyForPickup, OrderStatus.Completed]);
        var contact = (await _server.Service<IContactService>().GetAsync(final.ContactId, default))!;
        contact.OrderCount.ShouldBe(1);
        contact.LoyaltyPoints.ShouldBe(7);
        customer.Replies.Last().Text!.ShouldContain("7");

        using (var backwards = await owner.PostAsJsonAsync($"/api/orders/{order.Id}/status", new { status = "cancelled" }))
        {
            backwards.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }

        using (var nonsense = await owner.PostAsJsonAsync($"/api/orders/{order.Id}/status", new { status = "flying" }))
        {
            nonsense.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        using (var missing = await owner.PostAsJsonAsync("/api/orders/no-such-order/status", new { status = "preparing" }))
        {
            missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var marketer = await _server.Factory.SignedInClientAsync(AuthPolicies.Marketer);
        using (var refused = await marketer.PostAsJsonAsync($"/api/orders/{order.Id}/status", new { status = "preparing" }))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using (var payments = await marketer.GetAsync("/api/payments/review"))
        {
            payments.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using var anonymous = await _server.Client.GetAsync("/api/orders");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_rejected_payment_tells_the_customer_why_and_a_cancelled_order_returns_its_stock()
    {
        var customer = _server.Customer("2348130000022");
        var order = await _server.PlaceOrderAsync(customer);
        await customer.SaysAsync("I have paid", r => r.Text?.Contains("screenshot") == true, "a request for the receipt");
        var owner = await _server.OwnerAsync();
        var paymentId = (await _server.ReviewItemAsync(order.Reference))!["payment"]!["id"]!.GetValue<string>();

        using (var noReason = await owner.PostAsJsonAsync($"/api/payments/{paymentId}/reject", new { }))
        {
            noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        var before = customer.Replies.Count;
        using (var rejected = await owner.PostAsJsonAsync($"/api/payments/{paymentId}/reject", new { reason = "No transfer reached our account" }))
        {
            rejected.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await Eventually.ReturnsAsync(() => Task.FromResult(customer.Replies.Skip(before).ToList()),
            r => r.Any(m => m.Text?.Contains("No transfer reached our account") == true), TimeSpan.FromSeconds(30), "the reason told");
        (await _server.OrderAsync(order.Id)).Status.ShouldBe(OrderStatus.PendingPayment);

        before = customer.Replies.Count;
        using (var cancelled = await owner.PostAsJsonAsync($"/api/orders/{order.Id}/status", new { status = "cancelled", note = "customer asked" }))
        {
            cancelled.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await Eventually.ReturnsAsync(() => Task.FromResult(customer.Replies.Skip(before).ToList()),
            r => r.Any(m => m.Text?.Contains("cancelled") == true), TimeSpan.FromSeconds(30), "the cancellation told");
        var one = (await owner.GetFromJsonAsync<JsonObject>($"/api/orders/{order.Id}"))!;
        one["payment"]!["status"]!.GetValue<string>().ShouldBe("Cancelled");
        using var approveCancelled = await owner.PostAsJsonAsync($"/api/payments/{paymentId}/approve", new { });
        approveCancelled.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}
