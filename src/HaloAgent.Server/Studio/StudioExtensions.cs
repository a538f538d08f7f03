using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Startup;
using HaloAgent.Server.Studio.TestRuns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HaloAgent.Server.Studio;

/// <summary>The Studio's server side: test runs (their table, service and sandbox routing of events).</summary>
public static class StudioExtensions
{
    /// <summary>Call after the engine is added: it wraps the engine's event publisher (see <see cref="SandboxEventPublisher"/>).</summary>
    public static IServiceCollection AddHaloStudio(this IServiceCollection services, DatabaseSettings database)
    {
        services.AddDbContextFactory<TestRunsDbContext>(options =>
            options.UseModuleDatabase(database.Provider, database.ConnectionString, TestRunsDbContext.MigrationsHistoryTable));
        services.AddSingleton<TestRunService>();
        services.AddExceptionHandler<TestRunErrors>();
        services.Replace(ServiceDescriptor.Singleton<IEventPublisher, SandboxEventPublisher>());
        return services;
    }

    public static async Task MigrateStudioAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<TestRunsDbContext>>().CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
