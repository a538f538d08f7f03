using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Server.Startup.DataProtection;

/// <summary>
/// Creates the key ring's first key under a database lock. Without it, two nodes starting on an empty database would each
/// create a key of their own at once; a node that then meets the other's ciphertext only looks for new keys when its
/// cached ring expires (up to a day later) and meanwhile cannot decrypt it. Later keys need no lock: Data Protection
/// creates each successor days before it becomes active, and every node reloads the ring well within that time.
/// </summary>
internal sealed class KeyRingInitializer(IServiceProvider services, DatabaseSettings database, IDataProtectionProvider provider)
{
    /// <summary>Arbitrary, fixed: the advisory lock id that serialises the first key (PostgreSQL).</summary>
    private const long LockId = 0x4841_4C4F_4450; // "HALODP"

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataProtectionKeysDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (database.Provider != Engine.Runtime.Persistence.DatabaseProvider.Postgres)
        {
            // SQLite is one node's embedded file: nobody to race with.
            Warm();
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockId})", cancellationToken);
        // The first use loads the ring from the table (a node that waited here now sees the key the other one made) and
        // creates a key only when none is active.
        Warm();
        await transaction.CommitAsync(cancellationToken);
    }

    private void Warm() => provider.CreateProtector("HaloAgent.KeyRing.Warm-up").Protect([1]);
}
