using System.Globalization;
using System.Text.Json.Nodes;
using HaloAgent.Testing;
using Npgsql;

namespace HaloAgent.Bench;

/// <summary>
/// The PostgreSQL server the benchmarks use: a throwaway PostgreSQL 15 cluster on loopback started by
/// <see cref="PostgresServer"/> (fsync on, synchronous_commit on: every commit is durable), or the server named by
/// <c>HALO_BENCH_POSTGRES</c>.
/// </summary>
public sealed class BenchPostgres : IAsyncDisposable
{
    public const string ExternalVariable = "HALO_BENCH_POSTGRES";

    private BenchPostgres(PostgresServer server, int? postmasterPid)
    {
        Server = server;
        PostmasterPid = postmasterPid;
    }

    public PostgresServer Server { get; }

    /// <summary>The cluster's postmaster, for CPU accounting (null for an external server).</summary>
    public int? PostmasterPid { get; }

    public static async Task<BenchPostgres> StartAsync()
    {
        PostgresServer server;
        var external = Environment.GetEnvironmentVariable(ExternalVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            Environment.SetEnvironmentVariable(PostgresServer.ExternalServerVariable, external);
            server = await PostgresServer.StartAsync();
        }
        else
        {
            server = await PostgresServer.StartPrivateAsync();
        }

        int? pid = null;
        if (server.DataDirectory is { } data && File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            pid = int.Parse(File.ReadLines(Path.Combine(data, "postmaster.pid")).First().Trim(), CultureInfo.InvariantCulture);
        }

        return new BenchPostgres(server, pid);
    }

    public Task<string> CreateDatabaseAsync(string prefix) => Server.CreateDatabaseAsync(prefix);

    public static string DatabaseName(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database!;

    /// <summary>The settings that decide durability and memory, as the server reports them.</summary>
    public static async Task<JsonObject> SettingsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var result = new JsonObject();
        await using (var version = new NpgsqlCommand("SHOW server_version", connection))
        {
            result["server_version"] = (string?)await version.ExecuteScalarAsync();
        }

        await using var command = new NpgsqlCommand("""
            SELECT name, setting || coalesce(unit, '') FROM pg_settings
            WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'shared_buffers', 'max_wal_size',
                           'checkpoint_timeout', 'max_connections', 'autovacuum', 'wal_level', 'work_mem')
            ORDER BY name
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result[reader.GetString(0)] = reader.GetString(1);
        }

        return result;
    }

    public static string DescribeSettings(JsonObject settings) =>
        $"PostgreSQL {settings["server_version"]}: fsync={settings["fsync"]}, synchronous_commit={settings["synchronous_commit"]}, " +
        $"full_page_writes={settings["full_page_writes"]}, wal_sync_method={settings["wal_sync_method"]}, shared_buffers={settings["shared_buffers"]} x 8kB, " +
        $"max_wal_size={settings["max_wal_size"]}, autovacuum={settings["autovacuum"]}";

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, int timeoutSeconds = 0, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = timeoutSeconds };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var value1 = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value1!, typeof(T), CultureInfo.InvariantCulture);
    }

    public static async Task<int> ExecuteAsync(string connectionString, string sql, int timeoutSeconds = 0, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = timeoutSeconds };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>One row of named columns (for verification queries).</summary>
    public static async Task<Dictionary<string, object?>> RowAsync(string connectionString, string sql, int timeoutSeconds = 0)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = timeoutSeconds };
        await using var reader = await command.ExecuteReaderAsync();
        var row = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
        }

        return row;
    }

    public static async Task<List<(string Key, long Count)>> GroupsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetValue(0)?.ToString() ?? "", Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await Server.DisposeAsync();
    }
}
