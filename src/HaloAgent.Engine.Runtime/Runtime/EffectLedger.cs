using Dapper;
using HaloAgent.Engine.Runtime.Persistence;

namespace HaloAgent.Engine.Runtime.Runtime;

/// <summary>
/// Makes an external effect happen once per activity step. Activities pass their context's idempotency key: a step
/// that is re-run (after a crash before its commit, or a retry) finds the recorded result instead of acting again.
/// Effects whose provider accepts an idempotency key (WhatsApp outbox, Paystack) should pass the same key there too,
/// which also covers a crash between the effect and this record.
/// </summary>
public sealed class EffectLedger(EngineDatabase database, TimeProvider clock)
{
    public async Task<string> OnceAsync(string key, Func<CancellationToken, Task<string>> effect, CancellationToken cancellationToken)
    {
        var recorded = await FindAsync(key, cancellationToken);
        if (recorded is not null)
        {
            return recorded;
        }

        var result = await effect(cancellationToken);
        return await database.WriteAsync(async scope =>
        {
            await scope.Connection.ExecuteAsync(scope.Command(
                "INSERT INTO flow_effects (key, result, created_at) VALUES (@Key, @Result, @Now) ON CONFLICT DO NOTHING",
                new { Key = key, Result = result, Now = clock.GetUtcNow().ToUnixTimeMilliseconds() }));
            return await scope.Connection.QuerySingleAsync<string>(scope.Command("SELECT result FROM flow_effects WHERE key = @Key", new { Key = key }));
        }, cancellationToken);
    }

    public Task<string?> FindAsync(string key, CancellationToken cancellationToken) =>
        database.ReadAsync(
            (db, ct) => Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetDbConnection(db.Database)
                .QuerySingleOrDefaultAsync<string?>(new CommandDefinition("SELECT result FROM flow_effects WHERE key = @Key", new { Key = key }, cancellationToken: ct)),
            cancellationToken);
}
