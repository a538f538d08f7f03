using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime.Management;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Runtime;
using HaloAgent.Engine.Runtime.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace HaloAgent.Engine.Runtime;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>The durable runtime on top of the engine core: persistence, flow store, commands, workers and schedules.</summary>
    public static IServiceCollection AddHaloEngineRuntime(this IServiceCollection services, DatabaseProvider provider, string connectionString, IConfiguration? engineSection = null)
    {
        services.AddHaloEngineCore();
        services.AddOptions<EngineOptions>();
        if (engineSection is not null)
        {
            services.Configure<EngineOptions>(engineSection);
            services.Configure<EngineLimits>(engineSection.GetSection("Limits"));
        }

        // Pooled: the hot paths open a context per unit of work, and building one from scratch costs more than the SQL.
        services.AddPooledDbContextFactory<EngineDbContext>(options => ConfigureProvider(options, provider, connectionString));
        services.TryAddSingleton<SqlDialect>(provider == DatabaseProvider.Postgres ? new PostgresDialect() : new SqliteDialect());
        services.TryAddSingleton<EngineDatabase>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITransientFailureClassifier, DatabaseTransientFailures>());
        services.TryAddSingleton<EngineMigrator>();
        services.TryAddSingleton<FlowStore>();
        services.TryAddSingleton<CompiledFlowCache>();
        services.TryAddSingleton<WorkSignal>();
        services.TryAddSingleton<FlowRuntime>();
        services.TryAddSingleton<InstanceQueries>();
        services.AddMetrics();
        services.TryAddSingleton<EngineMetrics>();
        services.TryAddSingleton<InstanceBatchRunner>();
        services.TryAddSingleton<EffectLedger>();
        services.TryAddSingleton<IEventPublisher, RuntimeEventPublisher>();
        services.Replace(ServiceDescriptor.Singleton<IVariantAssigner, PersistentVariantAssigner>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStepWriteHandler, VariantAssignmentWriter>());
        services.AddHostedService<FlowWorker>();

        services.AddQuartz();
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = false);
        services.AddTransient<ScheduledStartJob>();
        services.TryAddSingleton<ScheduleSynchronizer>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduleSynchronizer>());
        return services;
    }

    public static void ConfigureProvider(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        options.UseModuleDatabase(provider, connectionString, EngineDbContext.MigrationsHistoryTable);
}
