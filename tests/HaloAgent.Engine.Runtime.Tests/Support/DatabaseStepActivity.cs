using System.Collections.Concurrent;
using System.Data.Common;
using Dapper;
using HaloAgent.Engine.Activities;

namespace HaloAgent.Engine.Runtime.Tests.Support;

/// <summary>
/// Test switchboard for <see cref="DatabaseStepActivity"/>: how the step opens its connection, what happens to that
/// session before the step's first query, and what every attempt saw.
/// </summary>
public sealed class DatabaseStepControl
{
    public required Func<DbConnection> Connect { get; init; }

    /// <summary>Runs once, on the first attempt, after the connection opened and before the step's query (to break it).</summary>
    public Func<DbConnection, Task>? BeforeFirstQuery { get; init; }

    /// <summary>The step's query; its first row's first column becomes the step's output.</summary>
    public string Query { get; init; } = "SELECT 42";

    /// <summary>The first attempt's query when it differs (one still running when the fault comes); retries run <see cref="Query"/>.</summary>
    public string? FirstQuery { get; init; }

    public ConcurrentQueue<string> Keys { get; } = new();

    /// <summary>What the failed attempts threw (the real provider exceptions).</summary>
    public ConcurrentQueue<Exception> Failures { get; } = new();

    /// <summary>Completed with the first failure (so a test can end the fault only once the step met it).</summary>
    public TaskCompletionSource<Exception> FirstFailure { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal int FirstAttemptTaken;
}

/// <summary>A step that reads through its own Dapper connection, as a domain activity (a contact lookup) does.</summary>
public sealed class DatabaseStepActivity(DatabaseStepControl control) : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new() { Type = "DatabaseStep", DisplayName = "Database step", Category = "Test" };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        control.Keys.Enqueue(context.IdempotencyKey);
        try
        {
            await using var connection = control.Connect();
            await connection.OpenAsync(cancellationToken);
            var first = Interlocked.Exchange(ref control.FirstAttemptTaken, 1) == 0;
            if (first && control.BeforeFirstQuery is { } breakIt)
            {
                await breakIt(connection);
            }

            var query = first ? control.FirstQuery ?? control.Query : control.Query;
            var value = await connection.ExecuteScalarAsync<long>(new CommandDefinition(query, cancellationToken: cancellationToken));
            return ActivityResult.Done(value);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            control.Failures.Enqueue(ex);
            control.FirstFailure.TrySetResult(ex);
            throw;
        }
    }
}
