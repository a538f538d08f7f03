using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HaloAgent.Engine.Runtime.Persistence;

/// <summary>
/// Every module (engine, channels, auth, test runs) keeps its tables in the one shared database, each with its own
/// migrations history table, so modules migrate independently.
/// </summary>
public static class ModuleDatabase
{
    public static DbContextOptionsBuilder UseModuleDatabase(
        this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, string migrationsHistoryTable)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(migrationsHistoryTable));
        }
        else
        {
            options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(migrationsHistoryTable));
        }

        // The migrations are hand-written and carry no model snapshot to compare against.
        return options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }
}
