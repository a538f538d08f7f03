using HaloAgent.Engine;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Runtime;
using HaloAgent.Integrations.Http;
using HaloAgent.Integrations.Triggers;
using HaloAgent.Integrations.Webhooks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HaloAgent.Integrations;

/// <summary>
/// Connecting to other tools: the HTTP request activity, outgoing event webhooks and incoming triggers. The server wires
/// it with <see cref="AddHaloIntegrations"/>, migrates it with <see cref="MigrateIntegrationsAsync"/>, maps the owner's
/// endpoints into a group it has put behind the owner policy (<see cref="MapIntegrations"/>) and the public
/// <c>/hooks</c> endpoint with <see cref="HooksEndpoint.MapIntegrationHooks"/>.
/// </summary>
public static class IntegrationsExtensions
{
    public static IServiceCollection AddHaloIntegrations(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.AddDbContextFactory<IntegrationsDbContext>(options =>
            options.UseModuleDatabase(provider, connectionString, IntegrationsDbContext.MigrationsHistoryTable));
        services.AddOptions<IntegrationsOptions>().BindConfiguration(IntegrationsOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddDataProtection();
        services.AddSingleton<IntegrationSecrets>();
        services.AddSingleton<GuardedHttp>();
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<WebhookStore>();
        services.AddSingleton<WebhookSender>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRaisedEventHandler, WebhookEnqueuer>());
        services.AddHostedService<WebhookWorker>();
        services.AddSingleton<TriggerStore>();
        services.AddActivity<HttpRequestActivity>();
        return services;
    }

    public static async Task MigrateIntegrationsAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<IntegrationsDbContext>>().CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>Maps <c>/integrations/webhooks</c>, <c>/integrations/deliveries</c> and <c>/integrations/triggers</c> under <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapIntegrations(this RouteGroupBuilder api)
    {
        WebhooksApi.Map(api);
        TriggersApi.Map(api);
        return api;
    }
}
