using HaloAgent.Agent.Inbound;
using HaloAgent.Channels.Inbound;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Startup;
using HaloAgent.Server.Studio.TestRuns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HaloAgent.Server.Studio;

/// <summary>The Studio's server side: test runs (their table, service, sandbox routing of events and messages, and their cleanup).</summary>
public static class StudioExtensions
{
    /// <summary>
    /// Call after the engine and the agent are added: it wraps the engine's event publisher (see
    /// <see cref="SandboxEventPublisher"/>) and the agent's inbox handler (see <see cref="SandboxInboundFilter"/>).
    /// </summary>
    public static IServiceCollection AddHaloStudio(this IServiceCollection services, DatabaseSettings database)
    {
        services.AddDbContextFactory<TestRunsDbContext>(options =>
            options.UseModuleDatabase(database.Provider, database.ConnectionString, TestRunsDbContext.MigrationsHistoryTable));
        services.AddOptions<TestRunOptions>().BindConfiguration(TestRunOptions.Section);
        services.AddSingleton<TestRunService>();
        services.AddSingleton<TestRunViews>();
        services.AddSingleton<TestRunCleanup>();
        services.AddSingleton<TestRunSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<TestRunSweeper>());
        services.AddExceptionHandler<TestRunErrors>();
        services.Replace(ServiceDescriptor.Singleton<IEventPublisher, SandboxEventPublisher>());
        services.TryAddSingleton<AgentInboundHandler>();
        services.Replace(ServiceDescriptor.Singleton<IInboundMessageHandler, SandboxInboundFilter>());
        return services;
    }

    public static async Task MigrateStudioAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<TestRunsDbContext>>().CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
