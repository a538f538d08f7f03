using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Runtime;

namespace HaloAgent.Channels.Outbox;

/// <summary>
/// Writes enlisted <see cref="SendMessageWrite"/>s into <c>outbound_messages</c> on the engine's own connection and
/// transaction (ON CONFLICT DO NOTHING on the idempotency key), so a message is queued exactly when its step commits.
/// </summary>
internal sealed class SendMessageWriteHandler(TimeProvider clock, OutboxSignal signal) : IStepWriteHandler
{
    public Type Handles => typeof(SendMessageWrite);

    public async Task WriteAsync(WriteScope scope, IReadOnlyList<StepWrite> writes)
    {
        // The same key twice in one batch (a step re-run within the batch) is one message.
        var rows = writes.Cast<SendMessageWrite>().Select(w => w.Row).DistinctBy(r => r.IdempotencyKey, StringComparer.Ordinal).ToList();
        await OutboxSql.InsertAsync(
            scope.Connection, scope.Transaction, scope.Dialect.Provider == DatabaseProvider.Postgres, rows,
            clock.GetUtcNow().ToUnixTimeMilliseconds(), scope.CancellationToken);

        // Before the commit, so the sender may look too early; it polls again shortly (and on SQLite its claim waits for this commit).
        signal.Notify();
    }
}
