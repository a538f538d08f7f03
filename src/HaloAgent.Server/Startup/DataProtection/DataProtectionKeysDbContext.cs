using HaloAgent.Engine.Runtime.Persistence;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using HaloAgent.Platform.Naming;

namespace HaloAgent.Server.Startup.DataProtection;

/// <summary>
/// The ASP.NET Core Data Protection key ring (table <c>data_protection_keys</c>) in the shared database, with its own
/// migrations history: every node reads and writes the same keys, so what one node encrypted (a business's WhatsApp
/// token, a sign-in cookie) another decrypts.
/// </summary>
public sealed class DataProtectionKeysDbContext(DbContextOptions<DataProtectionKeysDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public const string MigrationsHistoryTable = "__data_protection_migrations";

    public const string Table = "data_protection_keys";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<DataProtectionKey>().ToTable(Table).HasKey(k => k.Id);
        SnakeCaseModel.Apply(model);
    }
}
