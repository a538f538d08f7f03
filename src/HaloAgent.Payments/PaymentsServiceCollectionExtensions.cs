using HaloAgent.Payments.Paystack;
using HaloAgent.Payments.Receipts;
using HaloAgent.Payments.References;
using HaloAgent.Payments.Voice;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HaloAgent.Payments;

public static class PaymentsServiceCollectionExtensions
{
    /// <summary>
    /// Payments: payment references, Paystack (typed <see cref="PaystackClient"/>), receipt OCR, parsing and matching,
    /// and voice-note transcription. Binds <c>Paystack</c>, <c>HaloAgent:Payments:References</c>,
    /// <c>HaloAgent:Receipts</c> and <c>HaloAgent:Transcription</c>. Nothing here stores anything: the caller keeps
    /// references, image hashes and webhook ids with its orders.
    /// </summary>
    public static IServiceCollection AddHaloPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PaystackOptions>().Bind(configuration.GetSection(PaystackOptions.Section));
        services.AddOptions<PaymentReferenceOptions>().Bind(configuration.GetSection(PaymentReferenceOptions.Section));
        services.AddOptions<ReceiptOptions>().Bind(configuration.GetSection(ReceiptOptions.Section));
        services.AddOptions<TranscriptionOptions>().Bind(configuration.GetSection(TranscriptionOptions.Section));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var references = sp.GetRequiredService<IOptions<PaymentReferenceOptions>>().Value;
            return new PaymentReferenceFormat(references.Prefix, references.CodeLength);
        });
        services.TryAddSingleton<PaymentReferenceGenerator>();

        services.TryAddSingleton<ReceiptOcr>();
        services.TryAddSingleton(sp => new ReceiptTextParser(
            sp.GetRequiredService<PaymentReferenceFormat>(), sp.GetRequiredService<IOptions<ReceiptOptions>>().Value.ReceiptTimeZoneOffset));
        services.TryAddSingleton<ReceiptAnalyzer>();
        services.TryAddSingleton<IReceiptAnalyzer>(sp => sp.GetRequiredService<ReceiptAnalyzer>());
        services.TryAddSingleton<ReceiptMatcher>();

        services.AddHttpClient<PaystackClient>((sp, http) =>
        {
            http.Timeout = sp.GetRequiredService<IOptionsMonitor<PaystackOptions>>().CurrentValue.RequestTimeout;
            http.DefaultRequestHeaders.UserAgent.ParseAdd("HaloAgent/1.0");
        });

        services.TryAddSingleton<AudioConverter>();
        services.TryAddSingleton<IAudioTranscriber, OpenAiAudioTranscriber>();
        return services;
    }
}
