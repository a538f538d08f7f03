using System.Text;
using HaloAgent.Payments.Paystack;
using HaloAgent.Testing.FakePaystack;

namespace HaloAgent.Payments.Tests.Paystack;

public sealed class PaystackWebhookEventTests
{
    private static PaystackWebhookEvent Parse(string json) => PaystackWebhookEvent.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public async Task The_fake_servers_charge_success_is_signed_and_parses_into_what_the_caller_needs()
    {
        await using var paystack = await FakePaystackServer.StartAsync();
        paystack.Now = new DateTimeOffset(2026, 3, 14, 9, 42, 5, TimeSpan.Zero);
        paystack.AddTransaction("HLO-7K2Q9", 1_800_000, email: "ada@example.com");
        paystack.MarkPaid("HLO-7K2Q9");

        var hook = paystack.ChargeSuccess("HLO-7K2Q9");
        var webhook = PaystackWebhookEvent.Parse(hook.Body);

        PaystackSignature.IsValid(paystack.SecretKey, hook.Signature, hook.Body).ShouldBeTrue();
        webhook.IsChargeSuccess.ShouldBeTrue();
        webhook.Reference.ShouldBe("HLO-7K2Q9");
        webhook.AmountKobo.ShouldBe(1_800_000);
        webhook.Currency.ShouldBe("NGN");
        webhook.Status.ShouldBe("success");
        webhook.PaidAt.ShouldBe(paystack.Now);
        webhook.CustomerEmail.ShouldBe("ada@example.com");
        webhook.TransactionId.ShouldBe(paystack.Transaction("HLO-7K2Q9")!.Id);
    }

    [Fact]
    public void The_documented_charge_success_shape_parses()
    {
        var webhook = Parse("""
            {"event":"charge.success","data":{"id":302961,"domain":"live","status":"success","reference":"HLO-7K2Q9",
             "amount":1800000,"message":null,"gateway_response":"Approved","paid_at":"2026-03-14T09:42:05.000Z",
             "channel":"card","currency":"NGN","metadata":{"order_number":"MNK-0042","custom_fields":[{"value":"x"}]},
             "customer":{"id":68324,"email":"ada@example.com"}}}
            """);

        webhook.Event.ShouldBe("charge.success");
        webhook.TransactionId.ShouldBe(302961);
        webhook.DedupeKey.ShouldBe("charge.success:302961");
        webhook.Metadata["order_number"].ShouldBe("MNK-0042");
        webhook.Metadata["custom_fields"].ShouldBe("""[{"value":"x"}]""");
        webhook.PaidAt.ShouldBe(new DateTimeOffset(2026, 3, 14, 9, 42, 5, TimeSpan.Zero));
    }

    [Fact]
    public void A_redelivered_webhook_has_the_same_dedupe_key()
    {
        const string json = """{"event":"charge.success","data":{"id":77,"reference":"HLO-7K2Q9","amount":100,"currency":"NGN"}}""";
        Parse(json).DedupeKey.ShouldBe(Parse(json).DedupeKey);
        Parse("""{"event":"charge.success","data":{"reference":"HLO-7K2Q9","amount":100,"currency":"NGN"}}""").DedupeKey.ShouldBe("charge.success:HLO-7K2Q9");
    }

    [Fact]
    public void Unknown_currency_and_reference_parse_for_the_caller_to_judge()
    {
        var webhook = Parse("""{"event":"charge.success","data":{"id":1,"reference":"someone-elses-ref","amount":"2500","currency":"USD","metadata":""}}""");

        webhook.Reference.ShouldBe("someone-elses-ref");
        webhook.Currency.ShouldBe("USD");
        webhook.AmountKobo.ShouldBe(2500);
        webhook.Metadata.ShouldBeEmpty();
    }

    [Fact]
    public void Other_events_parse_without_charge_fields()
    {
        var webhook = Parse("""{"event":"transfer.success","data":{"id":9,"transfer_code":"TRF_x"}}""");

        webhook.IsChargeSuccess.ShouldBeFalse();
        webhook.Event.ShouldBe("transfer.success");
        webhook.AmountKobo.ShouldBeNull();
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("""{"data":{}}""", "no \"event\"")]
    [InlineData("""{"event":"charge.success"}""", "no \"data\" object")]
    [InlineData("""{"event":"charge.success","data":[]}""", "no \"data\" object")]
    [InlineData("""{"event":"charge.success","data":{"amount":100,"currency":"NGN"}}""", "data.reference is missing")]
    [InlineData("""{"event":"charge.success","data":{"reference":"HLO-7K2Q9","currency":"NGN"}}""", "data.amount is missing")]
    [InlineData("""{"event":"charge.success","data":{"reference":"HLO-7K2Q9","amount":1.5,"currency":"NGN"}}""", "data.amount should be a whole number")]
    [InlineData("""{"event":"charge.success","data":{"reference":"HLO-7K2Q9","amount":100}}""", "data.currency is missing")]
    [InlineData("""{"event":"charge.success","data":{"reference":"HLO-7K2Q9","amount":100,"currency":"NGN","paid_at":"yesterday"}}""", "paid_at is not a timestamp")]
    [InlineData("""{"event":"charge.success","data":{"reference":{"x":1},"amount":100,"currency":"NGN"}}""", "data.reference should be a string")]
    public void Malformed_bodies_give_clear_errors(string json, string expected)
    {
        var error = Should.Throw<PaystackWebhookFormatException>(() => Parse(json));
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void A_body_that_is_not_utf8_is_refused_as_malformed()
    {
        // Found by the chaos fuzzer (seed 20261206, case 1304): a signed body whose event name held a byte that is not
        // UTF-8 reached GetValue<string>() outside the format checks and answered 500.
        var body = "{\"event\":\"charge.success\",\"data\":25}"u8.ToArray();
        body[20] = 0xC3; // 'c' of "success" replaced by a lead byte without its continuation

        var error = Should.Throw<PaystackWebhookFormatException>(() => PaystackWebhookEvent.Parse(body));
        error.Message.ShouldContain("not valid UTF-8");
    }
}
