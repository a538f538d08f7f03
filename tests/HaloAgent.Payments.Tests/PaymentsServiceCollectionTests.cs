using HaloAgent.Payments.Paystack;
using HaloAgent.Payments.Receipts;
using HaloAgent.Payments.References;
using HaloAgent.Payments.Voice;
using HaloAgent.Testing.FakePaystack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HaloAgent.Payments.Tests;

public sealed class PaymentsServiceCollectionTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddHaloPayments(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    [Fact]
    public void Configuration_keys_bind_to_the_options()
    {
        using var services = Build(new()
        {
            ["Paystack:BaseUrl"] = "http://127.0.0.1:9/",
            ["Paystack:SecretKey"] = "sk_test_x",
            ["HaloAgent:Payments:References:Prefix"] = "MNK",
            ["HaloAgent:Payments:References:CodeLength"] = "6",
            ["HaloAgent:Receipts:TesseractPath"] = "/usr/bin/tesseract",
            ["HaloAgent:Receipts:Languages"] = "eng+yor",
            ["HaloAgent:Receipts:Timeout"] = "00:00:12",
            ["HaloAgent:Receipts:MaxReceiptAge"] = "2.00:00:00",
            ["HaloAgent:Transcription:BaseUrl"] = "https://api.groq.com/openai/v1",
            ["HaloAgent:Transcription:ApiKey"] = "gsk_x",
            ["HaloAgent:Transcription:FfmpegPath"] = "/usr/bin/ffmpeg",
        });

        services.GetRequiredService<IOptions<PaystackOptions>>().Value.SecretKey.ShouldBe("sk_test_x");
        var receipts = services.GetRequiredService<IOptions<ReceiptOptions>>().Value;
        receipts.TesseractPath.ShouldBe("/usr/bin/tesseract");
        receipts.Languages.ShouldBe("eng+yor");
        receipts.Timeout.ShouldBe(TimeSpan.FromSeconds(12));
        receipts.MaxReceiptAge.ShouldBe(TimeSpan.FromDays(2));
        var transcription = services.GetRequiredService<IOptions<TranscriptionOptions>>().Value;
        transcription.Model.ShouldBe("whisper-large-v3");
        transcription.FfmpegPath.ShouldBe("/usr/bin/ffmpeg");
        services.GetRequiredService<IAudioTranscriber>().IsConfigured.ShouldBeTrue();
        services.GetRequiredService<PaymentReferenceGenerator>().Next().ShouldMatch("^MNK-[23456789A-Z]{6}$");
    }

    [Fact]
    public void Every_service_resolves_with_an_empty_configuration()
    {
        using var services = Build([]);

        services.GetRequiredService<PaymentReferenceGenerator>().Next().ShouldStartWith("HLO-");
        services.GetRequiredService<IReceiptAnalyzer>().ShouldBeOfType<ReceiptAnalyzer>();
        services.GetRequiredService<ReceiptMatcher>().ShouldNotBeNull();
        services.GetRequiredService<ReceiptTextParser>().ShouldNotBeNull();
        services.GetRequiredService<PaystackClient>().ShouldNotBeNull();
        services.GetRequiredService<IAudioTranscriber>().IsConfigured.ShouldBeFalse();
        services.GetRequiredService<IOptions<PaystackOptions>>().Value.BaseUrl.ShouldBe("https://api.paystack.co");
    }

    [Fact]
    public async Task The_registered_paystack_client_talks_to_the_configured_server()
    {
        await using var paystack = await FakePaystackServer.StartAsync();
        using var services = Build(new() { ["Paystack:BaseUrl"] = paystack.BaseUrl, ["Paystack:SecretKey"] = paystack.SecretKey });

        var link = await services.GetRequiredService<PaystackClient>()
            .InitializeAsync(new PaystackInitializeRequest("ada@example.com", 1_800_000, "HLO-7K2Q9"), CancellationToken.None);

        link.AuthorizationUrl.ShouldStartWith(paystack.BaseUrl);
    }
}
