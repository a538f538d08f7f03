using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Testing;

namespace HaloAgent.Channels.Tests.Support;

/// <summary>A fresh database for one test: a temporary SQLite file, or a new database on the shared PostgreSQL server.</summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    public static async Task<DatabaseTarget> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"halo-channels-{Guid.NewGuid():N}.db");
            return new DatabaseTarget(provider, $"Data Source={file};Pooling=False");
        }

        var server = await PostgresServer.SharedAsync();
        return new DatabaseTarget(provider, await server.CreateDatabaseAsync("channels"));
    }
}
