using HaloAgent.Engine;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Runtime;
using HaloAgent.Marketing.Broadcasts;
using HaloAgent.Marketing.Experiments;
using HaloAgent.Marketing.Journeys;
using HaloAgent.Marketing.Segments;
using HaloAgent.Marketing.Templates;
using HaloAgent.Platform.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HaloAgent.Marketing;

/// <summary>
/// The marketing module: WhatsApp templates, segments, broadcasts and experiments. The server wires it with
/// <see cref="AddHaloMarketing"/>, migrates it with <see cref="MigrateMarketingAsync"/> and maps its endpoints into a
/// group it has already put behind the marketer-and-owner policy (<see cref="MapMarketing"/>).
/// </summary>
public static class MarketingExtensions
{
    public static IServiceCollection AddHaloMarketing(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.AddDbContextFactory<MarketingDbContext>(options =>
            options.UseModuleDatabase(provider, connectionString, MarketingDbContext.MigrationsHistoryTable));
        services.AddSingleton<ITemplateCatalog, TemplateCatalog>();
        services.AddSingleton<SegmentStore>();
        services.AddSingleton<TemplateSync>();
        services.AddSingleton<ITemplateStatusSink, TemplateStatusSink>();
        services.AddOptions<MarketingOptions>().BindConfiguration(MarketingOptions.Section);
        services.AddSingleton<BroadcastSignal>();
        services.AddSingleton(new SendPacer(TimeProvider.System));
        services.AddSingleton<BroadcastRules>();
        services.AddSingleton<BroadcastStore>();
        services.AddSingleton<BroadcastPreflight>();
        services.AddSingleton<BroadcastSender>();
        services.AddSingleton<BroadcastDispatcher>();
        services.AddSingleton<BroadcastTracker>();
        services.AddHostedService<BroadcastWorker>();
        services.AddOptions<ExperimentOptions>().BindConfiguration(ExperimentOptions.Section);
        services.AddSingleton<ExperimentMetrics>();
        services.AddSingleton<ExperimentService>();
        services.Replace(ServiceDescriptor.Singleton<ISplitReleases, ExperimentReleases>());
        services.AddActivity<InSegmentActivity>()
            .AddActivity<SendJourneyMessageActivity>()
            .AddActivity<GoalActivity>()
            .AddActivity<HoldoutActivity>()
            .AddActivity<JourneyEntryActivity>();
        // Journey records are stored with the engine step that made them (exactly once, or not at all).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStepWriteHandler, JourneyMessageWriter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStepWriteHandler, JourneyConversionWriter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStepWriteHandler, JourneyEntryWriter>());
        return services;
    }

    public static async Task MigrateMarketingAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<MarketingDbContext>>().CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>Maps <c>/templates/whatsapp</c>, <c>/segments</c>, … under <paramref name="api"/> (the server's authorised <c>/api</c> group).</summary>
    public static RouteGroupBuilder MapMarketing(this RouteGroupBuilder api)
    {
        TemplatesApi.Map(api);
        SegmentsApi.Map(api);
        BroadcastsApi.Map(api);
        ExperimentsApi.Map(api);
        return api;
    }
}
