using HaloAgent.Testing;

namespace HaloAgent.Commerce.Tests.Support;

public enum TestDatabase
{
    Sqlite,
    Postgres,
}

/// <summary>A fresh database for one test: a temporary SQLite file, or a new database on the shared PostgreSQL server.</summary>
public static class TestDatabases
{
    public static async Task<string> CreateAsync(TestDatabase database)
    {
        if (database == TestDatabase.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"halo-commerce-{Guid.NewGuid():N}.db");
            // A generous timeout: parallel tests queue for SQLite's single writer instead of failing.
            return $"Data Source={file};Pooling=False;Default Timeout=120";
        }

        var server = await PostgresServer.SharedAsync();
        return await server.CreateDatabaseAsync("commerce");
    }
}
