using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Payments;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.FakeGraph;

namespace HaloAgent.Server.Tests.Payments;

/// <summary>
/// Bank transfers confirmed from receipts, through the signed WhatsApp webhook: the receipt images are drawn, rendered
/// and read by the server's real OCR; the owner works the review queue through the signed-in API.
/// </summary>
public sealed class ReceiptJourneyTests : IAsyncLifetime
{
    private PaymentsServer _server = null!;

    public async Task InitializeAsync() => _server = await PaymentsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task I_don_pay_and_a_receipt_go_to_the_review_queue_and_the_owner_approves()
    {
        var customer = _server.Customer("2348130000001");
        var order = await _server.PlaceOrderAsync(customer);
        order.Instructions.ShouldContain("5012345678");
        order.Instructions.ShouldContain("₦7,000");
        order.Instructions.ShouldContain(order.Reference);

        await customer.SaysAsync("I don pay", r => r.Text?.Contains(order.Number) == true && r.Text.Contains("screenshot"), "a request for the receipt");
        var claimed = (await _server.ReviewItemAsync(order.Reference)).ShouldNotBeNull("a claim without a receipt is in the queue");
        claimed["payment"]!["verdict"]!.GetValue<string>().ShouldBe("claimed");

        var receipt = await ReceiptImages.TransferAsync(7_000_00, _server.Clock.GetUtcNow(), order.Reference);
        await _server.SendImageAsync(customer, receipt, "image/png", r => r.Text?.Contains(order.Number) == true, "the receipt acknowledged");

        var item = (await _server.ReviewQueueAsync())[0]!.AsObject();
        item["payment"]!["reference"]!.GetValue<string>().ShouldBe(order.Reference, "the best-scored payment is on top");
        item["payment"]!["status"]!.GetValue<string>().ShouldBe("AwaitingReview");
        item["payment"]!["verdict"]!.GetValue<string>().ShouldBe("likely_match");
        item["payment"]!["score"]!.GetValue<double>().ShouldBeGreaterThan(0.9);
        var stored = item["receipts"]![0]!;
        var fields = stored["fields"]!;
        fields["amountKobo"]!.GetValue<long>().ShouldBe(7_000_00, stored["rawText"]!.GetValue<string>());
        fields["paymentReferences"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldContain(order.Reference);
        fields["bank"]!.GetValue<string>().ShouldBe("GTBank");
        fields["recipientName"]!.GetValue<string>().ShouldBe("MAMA NKECHI KITCHEN");
        stored["confidence"]!.GetValue<double>().ShouldBeGreaterThan(0.7);
        stored["rawText"]!.GetValue<string>().ShouldContain("Transaction Receipt");
        (await _server.OrderAsync(order.Id)).Status.ShouldBe(OrderStatus.PendingPayment, "a receipt never marks the order paid by itself");

        var owner = await _server.OwnerAsync();
        var paymentId = item["payment"]!["id"]!.GetValue<string>();
        using (var image = await owner.GetAsync($"/api/payments/{paymentId}/receipt"))
        {
            image.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await image.Content.ReadAsByteArrayAsync()).ShouldBe(receipt);
        }

        var before = customer.Replies.Count;
        using (var approved = await owner.PostAsJsonAsync($"/api/payments/{paymentId}/approve", new { note = "seen in the bank app" }))
        {
            approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        }

        var paid = await _server.OrderAsync(order.Id);
        paid.Status.ShouldBe(OrderStatus.Paid);
        paid.History.Last().Actor.ShouldEndWith("@halo.test");
        await Eventually.ReturnsAsync(() => Task.FromResult(customer.Replies.Skip(before).ToList()),
            r => r.Any(m => m.Text?.Contains(order.Number) == true && m.Text.Contains('✅')), TimeSpan.FromSeconds(30), "the customer told in Pidgin");
        customer.Replies.Last().Text!.ShouldContain("We don confirm");
        (await _server.ReviewItemAsync(order.Reference)).ShouldBeNull("an approved payment leaves the queue");

        using var again = await owner.PostAsJsonAsync($"/api/payments/{paymentId}/approve", new { });
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var reject = await owner.PostAsJsonAsync($"/api/payments/{paymentId}/reject", new { reason = "changed my mind" });
        reject.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_wrong_amount_is_flagged_and_with_two_unpaid_orders_the_agent_asks_which_and_spots_a_reused_image()
    {
        var customer = _server.Customer("2348130000002");
        var first = await _server.PlaceOrderAsync(customer);
        var wrong = await ReceiptImages.TransferAsync(5_000_00, _server.Clock.GetUtcNow(), first.Reference);
        await _server.SendImageAsync(customer, wrong, "image/png", r => r.Text?.Contains(first.Number) == true, "the receipt acknowledged");

        var flagged = (await _server.ReviewItemAsync(first.Reference))!;
        flagged["payment"]!["verdict"]!.GetValue<string>().ShouldBe("mismatch");
        flagged["payment"]!["score"]!.GetValue<double>().ShouldBeLessThanOrEqualTo(0.25);
        flagged["payment"]!["reviewReason"]!.GetValue<string>().ShouldContain("short by ₦2,000)");
        flagged["receipts"]![0]!["reasons"]!.AsArray().ShouldContain(r => r!["code"]!.GetValue<string>() == "amount_mismatch" && r["redFlag"]!.GetValue<bool>());

        var second = await _server.PlaceOrderAsync(customer, "I want 2 jollof rice", "no");
        var asked = await _server.SendImageAsync(customer, wrong, "image/png", r => r.Type == "interactive", "which order?");
        var rows = asked.Last(r => r.Type == "interactive").Body["interactive"]!["action"]!["sections"]![0]!["rows"]!.AsArray();
        rows.Select(r => r!["title"]!.GetValue<string>()).ShouldBe([second.Number, first.Number]);
        var secondRow = rows[0]!["id"]!.GetValue<string>();

        await customer.SendAsync(new WhatsAppWebhookBuilder().ListReply(customer.Phone, secondRow, second.Number, name: "Ada"),
            r => r.Text?.Contains(second.Number) == true, "the receipt acknowledged for the chosen order");
        var reused = (await _server.ReviewItemAsync(second.Reference))!;
        reused["payment"]!["verdict"]!.GetValue<string>().ShouldBe("mismatch");
        var codes = reused["receipts"]![0]!["reasons"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()).ToList();
        codes.ShouldContain("image_reused");
        codes.ShouldContain("reference_of_another_order");
        customer.Replies.ShouldNotContain(r => r.Text != null && r.Text.Contains("didn't quite get"), "the ordering flow stays quiet while the customer picks");
    }

    [Fact]
    public async Task Bad_receipts_leave_the_order_unchanged_and_tell_the_owner_why()
    {
        var customer = _server.Customer("2348130000003");
        var order = await _server.PlaceOrderAsync(customer);
        Func<FakeGraphRequest, bool> askedAgain = r => r.Text?.Contains("couldn't read") == true;

        await _server.SendImageAsync(customer, "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF"u8.ToArray(), "application/pdf", askedAgain, "a PDF is not a receipt image");
        await _server.SendImageAsync(customer, new byte[20 * 1024 * 1024], "image/jpeg", askedAgain, "a 20 MB image");
        await _server.SendMediaIdAsync(customer, "1999999999999", "image/jpeg", askedAgain, "an image whose link expired");
        await _server.SendImageAsync(customer, await ReceiptImages.NoTextAsync(), "image/png", askedAgain, "a picture without text");
        var blurred = await ReceiptImages.TransferAsync(7_000_00, _server.Clock.GetUtcNow(), order.Reference, blur: 9);
        await _server.SendImageAsync(customer, blurred, "image/png", askedAgain, "a blurred receipt");

        (await _server.OrderAsync(order.Id)).Status.ShouldBe(OrderStatus.PendingPayment);
        var item = (await _server.ReviewItemAsync(order.Reference)).ShouldNotBeNull("a person has to look");
        item["payment"]!["verdict"]!.GetValue<string>().ShouldBe("unreadable");
        item["payment"]!["score"]!.GetValue<double>().ShouldBe(0);
        var receipts = item["receipts"]!.AsArray().Select(r => r!.AsObject()).ToList();
        receipts.Count.ShouldBe(5);
        receipts.ShouldAllBe(r => r["verdict"]!.GetValue<string>() == "unreadable");
        var reasons = string.Join("\n", receipts.Select(r => string.Join(" ", r["reasons"]!.AsArray().Select(x => x!["message"]!.GetValue<string>()))));
        reasons.ShouldContain("not a receipt image");
        reasons.ShouldContain("larger than the 5 MB");
        reasons.ShouldContain("link may have expired");
        reasons.ShouldContain("No legible payment receipt");
        receipts[0]["confidence"]!.GetValue<double>().ShouldBeLessThan(0.3, "the blurred receipt (newest first) reads with low confidence");
        receipts[1]["confidence"]!.GetValue<double>().ShouldBeLessThan(0.3, "the picture without text reads with low confidence");
    }

    [Fact]
    public async Task An_unpaid_order_is_reminded_then_cancelled_and_its_stock_restored()
    {
        var customer = _server.Customer("2348130000004");
        var businessId = await _server.DemoBusinessIdAsync();
        var catalog = _server.Service<ICatalogService>();
        var stockBefore = (await catalog.FindBySkuAsync(businessId, "JOLLOF-RICE", default))!.Stock;
        var order = await _server.PlaceOrderAsync(customer);
        (await catalog.FindBySkuAsync(businessId, "JOLLOF-RICE", default))!.Stock.ShouldBe(stockBefore - 2);

        var before = customer.Replies.Count;
        _server.Clock.Advance(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(1));
        var reminder = await Eventually.ReturnsAsync(() => Task.FromResult(customer.Replies.Skip(before).ToList()),
            r => r.Any(m => m.Text?.Contains("still waiting for payment") == true), TimeSpan.FromSeconds(30), "the reminder");
        reminder.Last().Text!.ShouldContain(order.Reference);
        (await _server.OrderAsync(order.Id)).Status.ShouldBe(OrderStatus.PendingPayment);

        _server.Clock.Advance(TimeSpan.FromHours(21));
        await Eventually.ReturnsAsync(() => Task.FromResult(customer.Replies.Skip(before).ToList()),
            r => r.Any(m => m.Text?.Contains("has been cancelled") == true && m.Text.Contains(order.Number)), TimeSpan.FromSeconds(30), "the cancellation");
        (await _server.OrderAsync(order.Id)).Status.ShouldBe(OrderStatus.Cancelled);
        (await catalog.FindBySkuAsync(businessId, "JOLLOF-RICE", default))!.Stock.ShouldBe(stockBefore);
        (await _server.Service<IPaymentService>().GetForOrderAsync(order.Id, default))!.Status.ShouldBe(PaymentStatus.Cancelled);
    }

    [Fact]
    public async Task A_business_that_opted_in_gets_clean_small_receipts_confirmed_without_review()
    {
        using (var saved = await (await _server.OwnerAsync()).PutAsJsonAsync("/api/payments/settings",
                   new { bankTransfer = true, autoConfirmReceipts = true, autoConfirmMinScore = 0.8, autoConfirmMaxKobo = 10_000_00 }))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var customer = _server.Customer("2348130000005");
        var order = await _server.PlaceOrderAsync(customer);
        var receipt = await ReceiptImages.TransferAsync(7_000_00, _server.Clock.GetUtcNow(), order.Reference);
        await _server.SendImageAsync(customer, receipt, "image/png", r => r.Text?.Contains("confirmed ✅") == true, "confirmed at once");

        var paid = await _server.OrderAsync(order.Id);
        paid.Status.ShouldBe(OrderStatus.Paid);
        paid.History.Last().Actor.ShouldBe("auto-receipt");
        (await _server.ReviewItemAsync(order.Reference)).ShouldBeNull();
        var details = (await (await _server.OwnerAsync()).GetFromJsonAsync<JsonObject>($"/api/orders/{order.Id}"))!;
        details["payment"]!["confirmedBy"]!.GetValue<string>().ShouldBe("auto-receipt");
    }
}
