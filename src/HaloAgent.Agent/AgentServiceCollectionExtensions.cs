using HaloAgent.Agent.Activities;
using HaloAgent.Agent.Activities.Payments;
using HaloAgent.Agent.Conversations;
using HaloAgent.Agent.Inbound;
using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Routing;
using HaloAgent.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HaloAgent.Agent;

public static class AgentServiceCollectionExtensions
{
    /// <summary>The agent's activities and the bridge from inbound messages to engine events. Needs the AI, commerce, content, channels and engine runtime registrations.</summary>
    public static IServiceCollection AddHaloAgent(this IServiceCollection services)
    {
        services.TryAddSingleton<ConversationLoader>();
        services.TryAddSingleton<ControlWords>();
        services.Replace(ServiceDescriptor.Singleton<IInboundMessageHandler, AgentInboundHandler>());
        services.Replace(ServiceDescriptor.Singleton<IChannelBusinessDirectory, CommerceChannelDirectory>());
        services.AddActivity<UnderstandMessageActivity>()
            .AddActivity<SendMessageActivity>()
            .AddActivity<SendMenuActivity>()
            .AddActivity<AddToCartActivity>()
            .AddActivity<RemoveFromCartActivity>()
            .AddActivity<QuoteOrderActivity>()
            .AddActivity<PlaceOrderActivity>()
            .AddActivity<EscalateActivity>()
            .AddActivity<SetMarketingConsentActivity>()
            .AddActivity<CheckCartActivity>()
            .AddActivity<SetCartQuantityActivity>()
            .AddActivity<AnswerDishQuestionActivity>()
            .AddActivity<FindLastOrderActivity>();

        // Payments (needs AddHaloPayments): references, receipts, reminders, voice notes, notifications outside a flow.
        services.AddOptions<PaymentFlowOptions>().BindConfiguration(PaymentFlowOptions.Section);
        services.TryAddSingleton<PaymentOpener>();
        services.TryAddSingleton<MediaFetcher>();
        services.TryAddSingleton<HaloAgent.Platform.Messaging.IWhatsAppTemplateSource, Marketing.GraphTemplateSource>();
        services.TryAddSingleton<HaloAgent.Platform.Messaging.IMarketingMessenger, Marketing.OutboxMarketingMessenger>();
        services.TryAddSingleton<HaloAgent.Platform.Messaging.IMarketingContent, Marketing.AgentMarketingContent>();
        services.TryAddSingleton<CustomerNotifier>();
        services.TryAddSingleton<Orders.OrderCompletedEvent>();
        services.TryAddSingleton<PaystackPaymentProcessor>();
        services.TryAddSingleton<PaystackBodyRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<PaystackBodyRetention>());
        services.AddActivity<TranscribeVoiceNoteActivity>()
            .AddActivity<ClaimPaymentActivity>()
            .AddActivity<FindUnpaidOrdersActivity>()
            .AddActivity<ChooseUnpaidOrderActivity>()
            .AddActivity<AnalyseReceiptActivity>()
            .AddActivity<RecordPaymentClaimActivity>()
            .AddActivity<CheckPaymentActivity>()
            .AddActivity<SendPaymentReminderActivity>()
            .AddActivity<CancelUnpaidOrderActivity>();
        return services;
    }
}
