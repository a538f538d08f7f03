using HaloAgent.Channels.Graph;
using HaloAgent.Channels.History;
using HaloAgent.Channels.WebChat;
using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Inbox;
using HaloAgent.Channels.Outbox;
using HaloAgent.Channels.Outbox.Transports;
using HaloAgent.Channels.Persistence;
using HaloAgent.Channels.Retention;
using HaloAgent.Channels.Routing;
using HaloAgent.Channels.Twilio;
using HaloAgent.Channels.WhatsApp;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Runtime;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HaloAgent.Channels;

public static class ChannelsServiceCollectionExtensions
{
    /// <summary>
    /// The WhatsApp Cloud API, Twilio and web chat channels: webhook inbox and its processor, outbox and its sender, Graph client,
    /// the engine step-write handler for <see cref="SendMessageWrite"/>, and <see cref="ChannelsMigrator"/>. Uses the
    /// engine's database (same provider and connection string). The host must also register an
    /// <see cref="IChannelBusinessDirectory"/>, and may register its own <see cref="IInboundMessageHandler"/> (the default logs).
    /// </summary>
    public static IServiceCollection AddHaloChannels(this IServiceCollection services, IConfiguration configuration, DatabaseProvider provider, string connectionString)
    {
        services.AddOptions<WhatsAppOptions>().Bind(configuration.GetSection(WhatsAppOptions.Section));
        services.AddOptions<TwilioOptions>().Bind(configuration.GetSection(TwilioOptions.Section));
        services.AddOptions<ChannelsOptions>().Bind(configuration.GetSection(ChannelsOptions.Section));

        services.TryAddSingleton(TimeProvider.System);
        // The same singleton as the engine's when both are registered: on SQLite they share one write gate.
        services.TryAddSingleton<SqlDialect>(provider == DatabaseProvider.Postgres ? new PostgresDialect() : new SqliteDialect());
        services.AddDbContextFactory<ChannelsDbContext>(options => options.UseModuleDatabase(provider, connectionString, ChannelsDbContext.MigrationsHistoryTable));
        services.TryAddSingleton(new ChannelsDatabaseSettings(provider, connectionString));
        services.TryAddSingleton<ChannelsDatabase>();
        services.TryAddSingleton<ChannelsMigrator>();

        services.AddMetrics();
        services.TryAddSingleton(sp => new ChannelsMetrics(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), sp.GetRequiredService<ChannelsDatabase>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ChannelsMetrics>>()));
        services.TryAddSingleton<InboxSignal>();
        services.TryAddSingleton<AckPriority>();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<WebhookInbox>();
        services.TryAddSingleton(sp => new WebChatInbox(sp.GetRequiredService<WebhookInbox>(), sp.GetRequiredService<TimeProvider>()));
        // Sessions are signed with the host's Data Protection key ring (the server's AddHaloDataProtection, shared by the
        // nodes); not added here, for the reason given in AddHaloCommerce.
        services.TryAddSingleton(sp => new WebChatSessions(
            sp.GetRequiredService<IDataProtectionProvider>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptionsMonitor<ChannelsOptions>>()));
        services.TryAddSingleton<WebChatReadLimiter>();
        services.TryAddSingleton(sp => new WebChatImages(sp.GetRequiredService<ChannelsDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new DeadLetters(sp.GetRequiredService<ChannelsDatabase>(), sp.GetRequiredService<InboxSignal>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<InboundMessageStore>();
        services.TryAddSingleton<DeliveryStatusRecorder>();
        services.TryAddSingleton<ThroughputLimiter>();
        services.TryAddSingleton<PairSpacer>();
        services.TryAddSingleton<IOutbox, Outbox.Outbox>();
        services.TryAddSingleton<HaloAgent.Platform.Messaging.IFlowMessages, Outbox.FlowMessages>();
        services.TryAddSingleton(sp => new ConversationHistory(sp.GetRequiredService<ChannelsDatabase>()));
        services.TryAddSingleton(sp => new ConversationPurge(sp.GetRequiredService<ChannelsDatabase>()));
        services.TryAddSingleton(_ => new ConversationRedaction());
        services.TryAddSingleton(sp => new OutboxQueries(sp.GetRequiredService<ChannelsDatabase>()));
        services.AddWebChatRateLimits();
        services.TryAddSingleton<IInboundMessageHandler, LoggingInboundMessageHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStepWriteHandler, SendMessageWriteHandler>());

        services.AddHttpClient<WhatsAppGraphClient>((sp, http) =>
        {
            http.Timeout = sp.GetRequiredService<IOptionsMonitor<WhatsAppOptions>>().CurrentValue.RequestTimeout;
            // Meta's media CDN answers some clients without a User-Agent with an HTML page instead of the file.
            http.DefaultRequestHeaders.UserAgent.ParseAdd("HaloAgent/1.0");
        });

        services.AddHttpClient<TwilioRestClient>((sp, http) => http.Timeout = sp.GetRequiredService<IOptionsMonitor<TwilioOptions>>().CurrentValue.RequestTimeout);
        services.AddTransient<IOutboundTransport, WhatsAppTransport>();
        services.AddTransient<IOutboundTransport, TwilioTransport>();
        services.AddTransient<IOutboundTransport, WebChatTransport>();

        services.TryAddSingleton(sp => new WebhookInboxProcessor(
            sp.GetRequiredService<ChannelsDatabase>(), sp.GetRequiredService<InboundMessageStore>(), sp.GetRequiredService<DeliveryStatusRecorder>(),
            sp.GetRequiredService<IChannelBusinessDirectory>(), sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<InboxSignal>(), sp.GetRequiredService<AckPriority>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptionsMonitor<ChannelsOptions>>(), sp.GetRequiredService<ILogger<WebhookInboxProcessor>>()));
        services.TryAddSingleton(sp => new OutboxSender(
            sp.GetRequiredService<ChannelsDatabase>(), sp.GetRequiredService<IChannelBusinessDirectory>(), sp, sp.GetRequiredService<ThroughputLimiter>(),
            sp.GetRequiredService<PairSpacer>(), sp.GetRequiredService<OutboxSignal>(), sp.GetRequiredService<ChannelsMetrics>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptionsMonitor<ChannelsOptions>>(), sp.GetRequiredService<IOptionsMonitor<WhatsAppOptions>>(),
            sp.GetRequiredService<ILogger<OutboxSender>>()));
        services.AddHostedService(sp => sp.GetRequiredService<WebhookInboxProcessor>());
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.TryAddSingleton(sp => new WebhookBodyRetention(
            sp.GetRequiredService<ChannelsDatabase>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptionsMonitor<ChannelsOptions>>(),
            sp.GetRequiredService<ILogger<WebhookBodyRetention>>()));
        services.AddHostedService(sp => sp.GetRequiredService<WebhookBodyRetention>());
        return services;
    }
}
