using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace HaloAgent.Engine.Runtime.Persistence;

/// <summary>The few places where SQLite and PostgreSQL need different SQL or locking.</summary>
public abstract class SqlDialect
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>Row-locking suffix for the claim sub-select, so two nodes never claim the same instance.</summary>
    public abstract string SkipLocked { get; }

    /// <summary>
    /// "column is one of the list parameter": Dapper sends a list as an array to PostgreSQL (= ANY) and expands it for SQLite (IN).
    /// </summary>
    public abstract string InList(string column, string parameter);

    /// <summary>
    /// Serialises transactions that match events to bookmarks for the same keys, so an event and a suspension
    /// racing each other always see one another. Keys must be locked in a stable order (callers sort them).
    /// </summary>
    public abstract Task LockKeysAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<long> keys, CancellationToken cancellationToken);

    /// <summary>Held around each write transaction; SQLite has one writer at a time, so it queues writers here instead of failing them with SQLITE_BUSY.</summary>
    public abstract ValueTask<IDisposable> EnterWriteAsync(CancellationToken cancellationToken);

    /// <summary>Transient failures worth retrying the whole transaction for (deadlock, serialization, a restarting server).</summary>
    public abstract bool IsTransient(Exception exception);

    /// <summary>Retries a whole unit of work on transient failures (deadlock, serialization, a restarting server).</summary>
    public ResiliencePipeline TransientRetry(ILogger logger, int maxRetries = 10) =>
        new ResiliencePipelineBuilder { TimeProvider = TimeProvider.System }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = maxRetries,
                Delay = TimeSpan.FromMilliseconds(50),
                MaxDelay = TimeSpan.FromSeconds(3),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                OnRetry = args =>
                {
                    logger.LogWarning(args.Outcome.Exception, "Database call failed transiently; retry {Attempt}", args.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    public static long KeyHash(string eventName, string correlationKey)
    {
        // FNV-1a over both parts: stable across processes and machines, unlike string.GetHashCode.
        var hash = 14695981039346656037UL;
        foreach (var ch in eventName + "\u001f" + correlationKey)
        {
            hash = (hash ^ ch) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }

    protected static IDisposable Releaser(SemaphoreSlim? semaphore) => new Release(semaphore);

    private sealed class Release(SemaphoreSlim? semaphore) : IDisposable
    {
        private SemaphoreSlim? _semaphore = semaphore;

        public void Dispose() => Interlocked.Exchange(ref _semaphore, null)?.Release();
    }
}

public sealed class PostgresDialect : SqlDialect
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string SkipLocked => "FOR UPDATE SKIP LOCKED";

    public override string InList(string column, string parameter) => $"{column} = ANY({parameter})";

    public override async Task LockKeysAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<long> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return;
        }

        // One round trip; the ORDER BY makes every transaction take its locks in the same order (no deadlocks).
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT unnest(@keys) AS k) s ORDER BY k",
            new { keys = keys.ToArray() }, transaction, cancellationToken: cancellationToken));
    }

    public override ValueTask<IDisposable> EnterWriteAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Releaser(null));

    public override bool IsTransient(Exception exception) => exception switch
    {
        Npgsql.PostgresException pg => pg.SqlState is "40001" or "40P01" or "57P01" or "57P02" or "57P03" or "53300" || pg.IsTransient,
        Npgsql.NpgsqlException npgsql => npgsql.IsTransient,
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };
}

public sealed class SqliteDialect : SqlDialect
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string SkipLocked => "";

    public override string InList(string column, string parameter) => $"{column} IN {parameter}";

    public override Task LockKeysAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<long> keys, CancellationToken cancellationToken) =>
        Task.CompletedTask; // the write gate already serialises every writer

    public override async ValueTask<IDisposable> EnterWriteAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        return Releaser(_writer);
    }

    public override bool IsTransient(Exception exception) =>
        exception is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 } // SQLITE_BUSY, SQLITE_LOCKED
        || (exception.InnerException is { } inner && IsTransient(inner));
}
