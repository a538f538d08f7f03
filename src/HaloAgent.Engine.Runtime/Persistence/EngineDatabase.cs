using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Polly;

namespace HaloAgent.Engine.Runtime.Persistence;

/// <summary>
/// Opens engine transactions. Transient failures (deadlock, a restarting server) retry the whole unit of work,
/// so callers write each unit so that running it again is harmless.
/// </summary>
public sealed class EngineDatabase
{
    private readonly IDbContextFactory<EngineDbContext> _factory;
    private readonly ResiliencePipeline _retry;

    public EngineDatabase(IDbContextFactory<EngineDbContext> factory, SqlDialect dialect, ILogger<EngineDatabase> logger)
    {
        _factory = factory;
        Dialect = dialect;
        _retry = dialect.TransientRetry(logger);
    }

    public SqlDialect Dialect { get; }

    /// <summary>Runs <paramref name="work"/> in one transaction and commits it.</summary>
    public Task<T> WriteAsync<T>(Func<WriteScope, Task<T>> work, CancellationToken cancellationToken) =>
        _retry.ExecuteAsync(
            async token =>
            {
                using var gate = await Dialect.EnterWriteAsync(token);
                await using var db = await _factory.CreateDbContextAsync(token);
                db.Database.AutoSavepointsEnabled = false; // the unit of work retries as a whole; savepoints only cost round trips
                await db.Database.OpenConnectionAsync(token);
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                var result = await work(new WriteScope(db, db.Database.GetDbConnection(), transaction.GetDbTransaction(), Dialect, token));
                await transaction.CommitAsync(token);
                return result;
            },
            cancellationToken).AsTask();

    public Task WriteAsync(Func<WriteScope, Task> work, CancellationToken cancellationToken) =>
        WriteAsync(
            async scope =>
            {
                await work(scope);
                return true;
            },
            cancellationToken);

    /// <summary>
    /// Runs single-statement work without an explicit transaction (autocommit): one round trip instead of three for
    /// writes that are atomic on their own, such as starting an instance.
    /// </summary>
    public Task<T> ExecuteAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        _retry.ExecuteAsync(
            async token =>
            {
                using var gate = await Dialect.EnterWriteAsync(token);
                await using var db = await _factory.CreateDbContextAsync(token);
                await db.Database.OpenConnectionAsync(token);
                return await work(db.Database.GetDbConnection(), token);
            },
            cancellationToken).AsTask();

    /// <summary>Runs a read on a fresh context (no transaction, no change tracking).</summary>
    public Task<T> ReadAsync<T>(Func<EngineDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        _retry.ExecuteAsync(
            async token =>
            {
                await using var db = await _factory.CreateDbContextAsync(token);
                db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
                return await work(db, token);
            },
            cancellationToken).AsTask();
}

/// <summary>An open transaction: the EF context for entity work, the raw connection for the hot-path SQL.</summary>
public sealed record WriteScope(EngineDbContext Db, DbConnection Connection, DbTransaction Transaction, SqlDialect Dialect, CancellationToken CancellationToken)
{
    public Dapper.CommandDefinition Command(string sql, object? parameters = null) =>
        new(sql, parameters, Transaction, cancellationToken: CancellationToken);
}
