using HaloAgent.Engine.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HaloAgent.Channels.Persistence;

/// <summary>
/// Applies the channels' migrations; safe on every start and from several nodes at once (EF takes its migration lock).
/// Run it before the engine's workers start: engine transactions write to <c>outbound_messages</c>.
/// </summary>
public sealed class ChannelsMigrator(IDbContextFactory<ChannelsDbContext> factory, SqlDialect dialect, ILogger<ChannelsMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (dialect.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets the webhook insert proceed while readers read (the engine sets it too; it is per file).
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying channels migrations: {Migrations}", string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }
    }
}
