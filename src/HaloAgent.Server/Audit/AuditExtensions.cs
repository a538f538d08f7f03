using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Audit;
using HaloAgent.Server.Startup;
using Microsoft.EntityFrameworkCore;

// In the server's root namespace on purpose: Extensions.cs wires every module with one line each and needs no using.
namespace HaloAgent.Server;

/// <summary>The audit log module: its table, the service every endpoint records through, and the owner's read API.</summary>
public static class AuditExtensions
{
    public static IServiceCollection AddHaloAudit(this IServiceCollection services, DatabaseSettings database)
    {
        services.AddDbContextFactory<AuditDbContext>(options =>
            options.UseModuleDatabase(database.Provider, database.ConnectionString, AuditDbContext.MigrationsHistoryTable));
        services.AddSingleton<IAuditLog, AuditLogService>();
        return services;
    }

    public static IEndpointRouteBuilder MapHaloAudit(this IEndpointRouteBuilder app) => app.MapAuditApi();

    public static async Task MigrateAuditAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AuditDbContext>>().CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
