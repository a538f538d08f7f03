using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Dashboard.Inbox;
using HaloAgent.Server.Startup;
using Microsoft.EntityFrameworkCore;

// In the server's root namespace on purpose: Extensions.cs wires every module with one line each and needs no using.
namespace HaloAgent.Server;

/// <summary>The inbox's own tables (read markers, quick replies) and the service over them.</summary>
public static class InboxExtensions
{
    public static IServiceCollection AddHaloInbox(this IServiceCollection services, DatabaseSettings database)
    {
        services.AddDbContextFactory<InboxDbContext>(options =>
            options.UseModuleDatabase(database.Provider, database.ConnectionString, InboxDbContext.MigrationsHistoryTable));
        services.AddSingleton<InboxState>();
        return services;
    }

    public static async Task MigrateInboxAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
