using HaloAgent.Engine.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using HaloAgent.Platform.Naming;

namespace HaloAgent.Server.Audit;

/// <summary>The audit log, in the shared database with its own migrations history.</summary>
public sealed class AuditDbContext(DbContextOptions<AuditDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__audit_migrations";

    internal const string BusinessTimeIndex = "ix_audit_log_business_id_id";

    public DbSet<AuditRecord> Records => Set<AuditRecord>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        var record = model.Entity<AuditRecord>();
        record.ToTable("audit_log").HasKey(r => r.Id);
        // Ids start with the time: one index serves "this business, newest first".
        record.HasIndex(r => new { r.BusinessId, r.Id }).HasDatabaseName(BusinessTimeIndex);
        SnakeCaseModel.Apply(model);
    }
}
