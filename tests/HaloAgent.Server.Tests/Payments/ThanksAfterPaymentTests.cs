using System.Net;
using System.Net.Http.Json;
using HaloAgent.Commerce.Orders;
using HaloAgent.Server.Tests.Support;

namespace HaloAgent.Server.Tests.Payments;

/// <summary>
/// The closing (issue 19): "thanks" once the payment is confirmed is answered with thanks, not the greeting that starts a
/// new order, in English and Yoruba.
/// </summary>
public sealed class ThanksAfterPaymentTests : IAsyncLifetime
{
    private PaymentsServer _server = null!;

    public async Task InitializeAsync() => _server = await PaymentsServer.StartAsync(transcription: false);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("2348135000001", "I want 2 jollof rice", "no", "I have paid", "thank you", "We appreciate you choosing", "Welcome to")]
    [InlineData("2348135000002", "Mo fẹ́ ra jollof méjì", "rárá", "mo ti sanwo", "ẹ ṣé", "A mọrírì", "Ẹ káàbọ̀ sí")]
    public async Task Thanks_after_the_payment_is_confirmed_is_acknowledged_and_does_not_restart_the_greeting(
        string phone, string order, string nothingElse, string paid, string thanks, string acknowledged, string greeting)
    {
        var customer = _server.Customer(phone);
        var placed = await _server.PlaceOrderAsync(customer, order, nothingElse);
        await customer.SaysAsync(paid, r => r.Text?.Contains(placed.Number) == true, "the claim acknowledged");

        var paymentId = (await _server.ReviewItemAsync(placed.Reference)).ShouldNotBeNull()["payment"]!["id"]!.GetValue<string>();
        var before = customer.Replies.Count;
        using (var approved = await (await _server.OwnerAsync()).PostAsJsonAsync($"/api/payments/{paymentId}/approve", new { }))
        {
            approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        }

        await Eventually.ReturnsAsync(() => Task.FromResult(customer.Replies.Skip(before).ToList()),
            r => r.Any(m => m.Text?.Contains('✅') == true), TimeSpan.FromSeconds(30), "the payment confirmed to the customer");
        (await _server.OrderAsync(placed.Id)).Status.ShouldBe(OrderStatus.Paid);

        var replies = await customer.SaysAsync(thanks, r => r.Text is not null, "an answer to thanks");
        replies.ShouldContain(r => r.Text!.Contains(acknowledged), "thanks is acknowledged");
        replies.ShouldNotContain(r => r.Text!.Contains(greeting), "thanks does not restart the greeting");
        replies.ShouldNotContain(r => r.Type == "interactive", "no menu or buttons");
    }
}
