using System.Data.Common;
using HaloAgent.Engine.Runtime.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;
using Polly;

namespace HaloAgent.Channels.Persistence;

/// <summary>
/// Raw connections to the shared database for the channels' hot paths (one insert per webhook, batch claims), with the
/// engine's dialect: on SQLite every writer passes the engine's single write gate, so channel writes and engine
/// commits queue instead of failing with SQLITE_BUSY. Transient failures retry the whole unit of work.
/// </summary>
internal sealed class ChannelsDatabase
{
    private readonly ChannelsDatabaseSettings _settings;
    private readonly ResiliencePipeline _retry;

    public ChannelsDatabase(ChannelsDatabaseSettings settings, SqlDialect dialect, ILogger<ChannelsDatabase> logger)
    {
        _settings = settings;
        Dialect = dialect;
        _retry = dialect.TransientRetry(logger, maxRetries: 6);
    }

    public SqlDialect Dialect { get; }

    /// <summary>Runs <paramref name="work"/> in one transaction and commits it.</summary>
    public Task<T> WriteAsync<T>(Func<ChannelsScope, Task<T>> work, CancellationToken cancellationToken) =>
        _retry.ExecuteAsync(
            async token =>
            {
                using var gate = await Dialect.EnterWriteAsync(token);
                await using var connection = await OpenAsync(token);
                await using var transaction = await connection.BeginTransactionAsync(token);
                var result = await work(new ChannelsScope(connection, transaction, token));
                await transaction.CommitAsync(token);
                return result;
            },
            cancellationToken).AsTask();

    /// <summary>One auto-committed statement (or a read when <paramref name="write"/> is false): no transaction round trips.</summary>
    public Task<T> RunAsync<T>(bool write, Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        _retry.ExecuteAsync(
            async token =>
            {
                using var gate = write ? await Dialect.EnterWriteAsync(token) : null;
                await using var connection = await OpenAsync(token);
                return await work(connection, token);
            },
            cancellationToken).AsTask();

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = _settings.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(_settings.ConnectionString)
            : new SqliteConnection(_settings.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}

/// <summary>Where the channels' tables live (the engine's database).</summary>
internal sealed record ChannelsDatabaseSettings(DatabaseProvider Provider, string ConnectionString);

/// <summary>An open transaction on the channels' database.</summary>
internal sealed record ChannelsScope(DbConnection Connection, DbTransaction Transaction, CancellationToken CancellationToken)
{
    public Dapper.CommandDefinition Command(string sql, object? parameters = null) =>
        new(sql, parameters, Transaction, cancellationToken: CancellationToken);
}
