using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Payments;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.FakePaystack;

namespace HaloAgent.Server.Tests.Payments;

/// <summary>Paystack payment links and the charge.success webhook (signed, verified, deduplicated) through the real server.</summary>
public sealed class PaystackJourneyTests : IAsyncLifetime
{
    private PaymentsServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await PaymentsServer.StartAsync();
        using var saved = await (await _server.OwnerAsync()).PutAsJsonAsync("/api/payments/settings", new { bankTransfer = true, paystack = true, payOnDelivery = true });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<HttpResponseMessage> PostAsync(FakePaystackWebhook webhook) => _server.Client.SendAsync(webhook.ToRequest("/webhooks/paystack"));

    [Fact]
    public async Task A_test_run_order_opens_no_Paystack_transaction_and_is_offered_the_other_ways_to_pay()
    {
        var owner = await _server.OwnerAsync();
        using var created = await owner.PostAsJsonAsync("/api/flows/ordering/test-runs", new { contact = new { name = "Sandbox Sola", language = "en" } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var runId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["runId"]!.GetValue<string>();

        List<string> replies = [];
        foreach (var message in new object[]
        {
            new { text = "I want 2 jollof rice" }, new { text = "no" },
            new { reply = new { id = "pickup", title = "Pickup" } }, new { reply = new { id = "confirm", title = "Yes" } },
        })
        {
            var before = replies.Count;
            _server.Clock.Advance(TimeSpan.FromSeconds(5)); // the transcript is ordered by time, which moves only when told
            using (var posted = await owner.PostAsJsonAsync($"/api/test-runs/{runId}/messages", message))
            {
                posted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await posted.Content.ReadAsStringAsync());
            }

            replies = await Eventually.ReturnsAsync(
                async () => (await owner.GetFromJsonAsync<JsonObject>($"/api/test-runs/{runId}"))!["messages"]!.AsArray()
                    .Where(m => m!["direction"]!.GetValue<string>() == "outbound").Select(m => m!["text"]?.GetValue<string>() ?? "").ToList(),
                r => r.Count > before,
                what: $"a reply to {System.Text.Json.JsonSerializer.Serialize(message)}");
        }

        var found = await Eventually.ReturnsAsync(
            async () => (await owner.GetFromJsonAsync<JsonObject>($"/api/test-runs/{runId}"))!["messages"]!.AsArray()
                .Select(m => m!["text"]?.GetValue<string>() ?? "").FirstOrDefault(t => PaymentsServer.Reference().IsMatch(t)),
            t => t is not null,
            what: "the payment instructions with the reference");
        var instructions = found.ShouldNotBeNull();
        instructions.ShouldContain("pay when you receive");
        instructions.ShouldNotContain("/checkout/");
        _server.Paystack.Requests.ShouldBeEmpty("a test run never reaches the payment provider");
    }

    [Fact]
    public async Task A_verified_charge_marks_the_order_paid_without_review_a_forged_one_is_refused_and_a_duplicate_changes_nothing()
    {
        var customer = _server.Customer("2348130000011");
        var order = await _server.PlaceOrderAsync(customer);
        order.Instructions.ShouldContain(_server.Paystack.BaseUrl + "/checkout/");
        order.Instructions.ShouldContain("pay when you receive");
        var initialized = _server.Paystack.Transaction(order.Reference).ShouldNotBeNull();
        initialized.AmountKobo.ShouldBe(7_000_00);

        _server.Paystack.MarkPaid(order.Reference);
        using (var forged = await PostAsync(_server.Paystack.ChargeSuccess(order.Reference, signWith: "sk_test_not_the_key")))
        {
            forged.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using (var unsigned = await _server.Client.PostAsync("/webhooks/paystack", new ByteArrayContent(_server.Paystack.ChargeSuccess(order.Reference).Body)))
        {
            unsigned.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await _server.OrderAsync(order.Id)).Status.ShouldBe(OrderStatus.PendingPayment);

        var before = customer.Replies.Count;
        var webhook = _server.Paystack.ChargeSuccess(order.Reference);
        using (var accepted = await PostAsync(webhook))
        {
            accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await accepted.Content.ReadFromJsonAsync<JsonObject>())!["outcome"]!.GetValue<string>().ShouldBe("Paid");
        }

        var paid = await _server.OrderAsync(order.Id);
        paid.Status.ShouldBe(OrderStatus.Paid);
        paid.History.Last().Actor.ShouldBe("paystack");
        var payment = (await _server.Service<IPaymentService>().GetForOrderAsync(order.Id, default))!;
        payment.Method.ShouldBe(PaymentMethod.Paystack);
        payment.ProviderReference.ShouldBe(initialized.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _server.Paystack.Requests.ShouldContain(r => r.Path == "/transaction/verify/" + order.Reference, "verified with Paystack before marking paid");
        (await _server.ReviewItemAsync(order.Reference)).ShouldBeNull("Paystack payments need no review");
        await Eventually.ReturnsAsync(() => Task.FromResult(customer.Replies.Skip(before).ToList()),
            r => r.Any(m => m.Text?.Contains("confirmed ✅") == true), TimeSpan.FromSeconds(30), "the customer told");

        using (var duplicate = await PostAsync(webhook))
        {
            duplicate.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await duplicate.Content.ReadFromJsonAsync<JsonObject>())!["outcome"]!.GetValue<string>().ShouldBe("Duplicate");
        }

        (await _server.OrderAsync(order.Id)).History.Count(h => h.To == OrderStatus.Paid).ShouldBe(1);
        customer.Replies.Skip(before).Count(m => m.Text?.Contains("confirmed ✅") == true).ShouldBe(1);
    }

    [Fact]
    public async Task A_wrong_amount_a_foreign_currency_and_an_unknown_reference_are_left_for_a_person()
    {
        var customer = _server.Customer("2348130000012");
        var shortPaid = await _server.PlaceOrderAsync(customer);
        _server.Paystack.MarkPaid(shortPaid.Reference, amountKobo: 6_000_00);
        using (var response = await PostAsync(_server.Paystack.ChargeSuccess(shortPaid.Reference)))
        {
            (await response.Content.ReadFromJsonAsync<JsonObject>())!["outcome"]!.GetValue<string>().ShouldBe("Flagged");
        }

        (await _server.OrderAsync(shortPaid.Id)).Status.ShouldBe(OrderStatus.PendingPayment);
        var flagged = (await _server.ReviewItemAsync(shortPaid.Reference)).ShouldNotBeNull();
        flagged["payment"]!["verdict"]!.GetValue<string>().ShouldBe("paystack_amount_mismatch");
        flagged["payment"]!["reviewReason"]!.GetValue<string>().ShouldContain("Paid ₦6,000 but the order total is ₦7,000.");

        var dollars = await _server.PlaceOrderAsync(_server.Customer("2348130000013"));
        using (var response = await PostAsync(_server.Paystack.ChargeSuccess(dollars.Reference, currency: "USD")))
        {
            (await response.Content.ReadFromJsonAsync<JsonObject>())!["outcome"]!.GetValue<string>().ShouldBe("Flagged");
        }

        (await _server.OrderAsync(dollars.Id)).Status.ShouldBe(OrderStatus.PendingPayment);
        (await _server.ReviewItemAsync(dollars.Reference))!["payment"]!["reviewReason"]!.GetValue<string>().ShouldContain("USD");

        var unknown = _server.Paystack.ChargeSuccess("HLO-ZZZZZ", amountKobo: 5_000_00);
        using (var response = await PostAsync(unknown))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, "answered so Paystack stops retrying; kept in the webhook log");
            (await response.Content.ReadFromJsonAsync<JsonObject>())!["outcome"]!.GetValue<string>().ShouldBe("UnknownReference");
        }

        var logged = (await _server.Service<IPaymentService>().GetWebhookAsync(HaloAgent.Payments.Paystack.PaystackWebhookEvent.Parse(unknown.Body).DedupeKey, default))!;
        logged.Outcome.ShouldBe(PaystackOutcomes.UnknownReference);
        logged.Detail!.ShouldContain("HLO-ZZZZZ");

        using var malformed = await PostAsync(FakePaystackServer.Sign("{\"event\":"u8.ToArray(), _server.Paystack.SecretKey));
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Handled_webhook_bodies_are_emptied_after_the_retention_days_and_the_event_stays_deduplicated()
    {
        var webhook = _server.Paystack.ChargeSuccess("HLO-RTN01", amountKobo: 5_000_00);
        (await PostAsync(webhook)).EnsureSuccessStatusCode();
        var key = HaloAgent.Payments.Paystack.PaystackWebhookEvent.Parse(webhook.Body).DedupeKey;
        var payments = _server.Service<IPaymentService>();
        var retention = _server.Service<HaloAgent.Agent.Activities.Payments.PaystackBodyRetention>();
        (await payments.GetWebhookAsync(key, default))!.Body.ShouldContain("HLO-RTN01");

        _server.Clock.Advance(TimeSpan.FromDays(29));
        (await retention.PruneAsync(default)).ShouldBe(0, "kept for 30 days");
        (await payments.GetWebhookAsync(key, default))!.Body.ShouldNotBeEmpty();

        _server.Clock.Advance(TimeSpan.FromDays(2));
        (await retention.PruneAsync(default)).ShouldBeGreaterThanOrEqualTo(1);
        var pruned = (await payments.GetWebhookAsync(key, default))!;
        pruned.Body.ShouldBeEmpty("the customer's e-mail, phone and card details go");
        pruned.Outcome.ShouldBe(PaystackOutcomes.UnknownReference, "what happened stays");
        (await retention.PruneAsync(default)).ShouldBe(0, "already emptied");

        // Redelivered after pruning: still recognised as the same event, not acted on twice.
        using var again = await PostAsync(webhook);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await payments.GetWebhookAsync(key, default))!.Body.ShouldBeEmpty();
    }
}
