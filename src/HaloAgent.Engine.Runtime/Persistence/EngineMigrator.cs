using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HaloAgent.Engine.Runtime.Persistence;

/// <summary>Applies the engine's migrations; safe to call on every start and from several nodes at once.</summary>
public sealed class EngineMigrator(IDbContextFactory<EngineDbContext> factory, SqlDialect dialect, ILogger<EngineMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (dialect.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers (API, Studio) proceed while the worker writes.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying engine migrations: {Migrations}", string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }
    }
}
