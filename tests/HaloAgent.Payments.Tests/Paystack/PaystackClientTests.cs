using HaloAgent.Payments.Paystack;
using HaloAgent.Payments.Tests.Support;
using HaloAgent.Testing.FakePaystack;

namespace HaloAgent.Payments.Tests.Paystack;

public sealed class PaystackClientTests : IAsyncLifetime
{
    private FakePaystackServer _paystack = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _paystack = await FakePaystackServer.StartAsync();
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _paystack.DisposeAsync();
    }

    private PaystackClient Client(string? secretKey = null, string? callbackUrl = null) =>
        new(_http, new FixedOptions<PaystackOptions>(new PaystackOptions
        {
            BaseUrl = _paystack.BaseUrl,
            SecretKey = secretKey ?? _paystack.SecretKey,
            CallbackUrl = callbackUrl,
        }));

    [Fact]
    public async Task Initialize_sends_the_documented_request_and_returns_the_payment_link()
    {
        var metadata = new Dictionary<string, string> { ["order_number"] = "MNK-0042", ["business"] = "mama-nkechi" };

        var link = await Client(callbackUrl: "https://halo.example/paid").InitializeAsync(
            new PaystackInitializeRequest("ada@example.com", 1_800_000, "HLO-7K2Q9", Metadata: metadata), CancellationToken.None);

        link.Reference.ShouldBe("HLO-7K2Q9");
        link.AccessCode.ShouldNotBeNullOrWhiteSpace();
        link.AuthorizationUrl.ShouldBe($"{_paystack.BaseUrl}/checkout/{link.AccessCode}");

        var request = _paystack.Requests.Single();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/transaction/initialize");
        request.Authorization.ShouldBe($"Bearer {_paystack.SecretKey}");
        var body = request.Body!;
        body["email"]!.GetValue<string>().ShouldBe("ada@example.com");
        body["amount"]!.GetValue<long>().ShouldBe(1_800_000);
        body["reference"]!.GetValue<string>().ShouldBe("HLO-7K2Q9");
        body["currency"]!.GetValue<string>().ShouldBe("NGN");
        body["callback_url"]!.GetValue<string>().ShouldBe("https://halo.example/paid");
        body["metadata"]!["order_number"]!.GetValue<string>().ShouldBe("MNK-0042");
        _paystack.Transaction("HLO-7K2Q9")!.Status.ShouldBe("ongoing");
    }

    [Fact]
    public async Task A_request_callback_url_wins_over_the_configured_one()
    {
        await Client(callbackUrl: "https://halo.example/paid").InitializeAsync(
            new PaystackInitializeRequest("ada@example.com", 500_000, "HLO-ABCDE", CallbackUrl: "https://shop.example/thanks"), CancellationToken.None);

        _paystack.Requests.Single().Body!["callback_url"]!.GetValue<string>().ShouldBe("https://shop.example/thanks");
    }

    [Fact]
    public async Task Paystacks_refusal_of_an_initialize_is_surfaced_with_its_message()
    {
        var client = Client();
        await client.InitializeAsync(new PaystackInitializeRequest("ada@example.com", 500_000, "HLO-ABCDE"), CancellationToken.None);

        var error = await Should.ThrowAsync<PaystackApiException>(() =>
            client.InitializeAsync(new PaystackInitializeRequest("ada@example.com", 500_000, "HLO-ABCDE"), CancellationToken.None));

        error.HttpStatus.ShouldBe(400);
        error.PaystackMessage.ShouldBe("Duplicate Transaction Reference");
        error.IsTransient.ShouldBeFalse();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    public async Task A_non_positive_amount_is_refused_before_calling(long amount)
    {
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() =>
            Client().InitializeAsync(new PaystackInitializeRequest("ada@example.com", amount, "HLO-ABCDE"), CancellationToken.None));
        _paystack.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Verify_reports_a_successful_payment_and_confirms_the_order()
    {
        var client = Client();
        await client.InitializeAsync(new PaystackInitializeRequest("ada@example.com", 1_800_000, "HLO-7K2Q9"), CancellationToken.None);
        _paystack.Now = new DateTimeOffset(2026, 3, 14, 9, 42, 5, TimeSpan.Zero);
        _paystack.MarkPaid("HLO-7K2Q9");

        var transaction = await client.VerifyAsync("HLO-7K2Q9", CancellationToken.None);
        var confirmation = await client.ConfirmAsync("HLO-7K2Q9", 1_800_000, CancellationToken.None);

        transaction.IsSuccessful.ShouldBeTrue();
        transaction.AmountKobo.ShouldBe(1_800_000);
        transaction.Currency.ShouldBe("NGN");
        transaction.Reference.ShouldBe("HLO-7K2Q9");
        transaction.PaidAt.ShouldBe(new DateTimeOffset(2026, 3, 14, 9, 42, 5, TimeSpan.Zero));
        transaction.CustomerEmail.ShouldBe("ada@example.com");
        transaction.Id.ShouldNotBeNull();
        confirmation.Outcome.ShouldBe(PaystackConfirmationOutcome.Paid);
        confirmation.IsPaid.ShouldBeTrue();
        _paystack.Requests.Last().Path.ShouldBe("/transaction/verify/HLO-7K2Q9");
        _paystack.Requests.Last().Authorization.ShouldBe($"Bearer {_paystack.SecretKey}");
    }

    [Theory]
    [InlineData("failed", "Declined")]
    [InlineData("abandoned", "The transaction was not completed")]
    [InlineData("ongoing", "Pending")]
    public async Task Verify_of_an_unpaid_transaction_does_not_confirm(string status, string gateway)
    {
        _paystack.AddTransaction("HLO-7K2Q9", 1_800_000);
        _paystack.SetStatus("HLO-7K2Q9", status, gateway);

        var confirmation = await Client().ConfirmAsync("HLO-7K2Q9", 1_800_000, CancellationToken.None);

        confirmation.IsPaid.ShouldBeFalse();
        confirmation.Outcome.ShouldBe(PaystackConfirmationOutcome.NotSuccessful);
        confirmation.Transaction.Status.ShouldBe(status);
        confirmation.Reason.ShouldContain(gateway);
    }

    [Fact]
    public async Task A_different_amount_does_not_confirm()
    {
        _paystack.AddTransaction("HLO-7K2Q9", 1_800_000);
        _paystack.MarkPaid("HLO-7K2Q9", amountKobo: 180_000);

        var confirmation = await Client().ConfirmAsync("HLO-7K2Q9", 1_800_000, CancellationToken.None);

        confirmation.Outcome.ShouldBe(PaystackConfirmationOutcome.AmountMismatch);
        confirmation.Reason.ShouldContain("Paid ₦1,800 but");
        confirmation.Reason.ShouldContain("is ₦18,000.");
    }

    [Fact]
    public async Task Another_currency_does_not_confirm()
    {
        _paystack.AddTransaction("HLO-7K2Q9", 1_800_000);
        _paystack.MarkPaid("HLO-7K2Q9", currency: "GHS");

        var confirmation = await Client().ConfirmAsync("HLO-7K2Q9", 1_800_000, CancellationToken.None);

        confirmation.Outcome.ShouldBe(PaystackConfirmationOutcome.CurrencyMismatch);
    }

    [Fact]
    public async Task An_unknown_reference_is_paystacks_400_with_its_message()
    {
        var error = await Should.ThrowAsync<PaystackApiException>(() => Client().VerifyAsync("HLO-ZZZZZ", CancellationToken.None));

        error.HttpStatus.ShouldBe(400);
        error.PaystackMessage.ShouldBe("Transaction reference not found");
    }

    [Fact]
    public async Task A_wrong_secret_key_is_a_401()
    {
        var error = await Should.ThrowAsync<PaystackApiException>(() =>
            Client(secretKey: "sk_test_wrong").InitializeAsync(new PaystackInitializeRequest("ada@example.com", 500_000, "HLO-ABCDE"), CancellationToken.None));

        error.HttpStatus.ShouldBe(401);
        error.IsUnauthorized.ShouldBeTrue();
        error.IsTransient.ShouldBeFalse();
        error.Message.ShouldContain("Invalid key");
        _paystack.Transaction("HLO-ABCDE").ShouldBeNull();
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task A_server_error_is_a_clear_transient_exception(int status)
    {
        _paystack.AddTransaction("HLO-7K2Q9", 1_800_000);
        _paystack.FailNext(1, status);

        var error = await Should.ThrowAsync<PaystackApiException>(() => Client().VerifyAsync("HLO-7K2Q9", CancellationToken.None));

        error.HttpStatus.ShouldBe(status);
        error.IsTransient.ShouldBeTrue();
        error.Message.ShouldContain($"HTTP {status}");
        error.Message.ShouldContain("verify");

        // The next call goes through: nothing was left broken.
        (await Client().VerifyAsync("HLO-7K2Q9", CancellationToken.None)).Status.ShouldBe("ongoing");
    }

    [Fact]
    public async Task Without_a_secret_key_nothing_is_sent()
    {
        var client = new PaystackClient(_http, new FixedOptions<PaystackOptions>(new PaystackOptions { BaseUrl = _paystack.BaseUrl }));

        var error = await Should.ThrowAsync<InvalidOperationException>(() => client.VerifyAsync("HLO-7K2Q9", CancellationToken.None));

        error.Message.ShouldContain("Paystack:SecretKey");
        _paystack.Requests.ShouldBeEmpty();
    }
}
