using Microsoft.Data.Sqlite;
using Npgsql;

namespace HaloAgent.Commerce.Persistence;

internal static class DbErrors
{
    /// <summary>A unique index refused the row: someone else inserted the same key first (a race, not a bug).</summary>
    public static bool IsUniqueViolation(Exception exception) => exception switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        // 2067 SQLITE_CONSTRAINT_UNIQUE, 1555 SQLITE_CONSTRAINT_PRIMARYKEY.
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => exception.InnerException is { } inner && IsUniqueViolation(inner),
    };
}
