using HaloAgent.Engine.Runtime.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using HaloAgent.Platform.Naming;

namespace HaloAgent.Engine.Runtime.Persistence;

/// <summary>The engine's tables. Column names are snake_case on every provider so hand-written SQL reads the same everywhere.</summary>
public sealed class EngineDbContext(DbContextOptions<EngineDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__engine_migrations";

    public DbSet<FlowRecord> Flows => Set<FlowRecord>();

    public DbSet<FlowVersionRecord> FlowVersions => Set<FlowVersionRecord>();

    public DbSet<FlowTriggerRecord> FlowTriggers => Set<FlowTriggerRecord>();

    public DbSet<InstanceRecord> Instances => Set<InstanceRecord>();

    public DbSet<BookmarkRecord> Bookmarks => Set<BookmarkRecord>();

    public DbSet<EventRecord> Events => Set<EventRecord>();

    public DbSet<JournalSegmentRecord> Journal => Set<JournalSegmentRecord>();

    public DbSet<VariantAssignmentRecord> VariantAssignments => Set<VariantAssignmentRecord>();

    public DbSet<EffectRecord> Effects => Set<EffectRecord>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<FlowRecord>().ToTable("flows").HasKey(f => f.Id);
        model.Entity<FlowRecord>().HasIndex(f => f.TenantId);
        model.Entity<FlowVersionRecord>().ToTable("flow_versions").HasKey(v => new { v.FlowId, v.Version });
        model.Entity<FlowVersionRecord>().Property(v => v.Revision).IsConcurrencyToken();
        model.Entity<FlowTriggerRecord>().ToTable("flow_triggers").HasKey(t => new { t.FlowId, t.NodeId });
        model.Entity<FlowTriggerRecord>().HasIndex(t => t.EventName);

        var instance = model.Entity<InstanceRecord>();
        instance.ToTable("flow_instances").HasKey(i => i.Id);
        instance.Property(i => i.RowVersion).IsConcurrencyToken();
        instance.HasIndex(i => i.WakeAt).HasFilter("wake_at IS NOT NULL");
        instance.HasIndex(i => new { i.FlowId, i.SingletonKey }).IsUnique();
        instance.HasIndex(i => i.StartKey).IsUnique();
        instance.HasIndex(i => new { i.FlowId, i.Status });
        instance.HasIndex(i => i.CorrelationKey);
        instance.HasIndex(i => new { i.TenantId, i.CreatedAt });

        var bookmark = model.Entity<BookmarkRecord>();
        bookmark.ToTable("flow_bookmarks").HasKey(b => b.Id);
        bookmark.HasIndex(b => new { b.EventName, b.CorrelationKey });
        bookmark.HasIndex(b => b.InstanceId);

        var @event = model.Entity<EventRecord>();
        @event.ToTable("flow_events").HasKey(e => e.Id);
        @event.HasIndex(e => new { e.Name, e.CorrelationKey, e.CreatedAt }).HasFilter("consumed_at IS NULL");
        @event.HasIndex(e => e.CreatedAt);

        model.Entity<JournalSegmentRecord>().ToTable("flow_journal").HasKey(j => new { j.InstanceId, j.FirstSequence });
        model.Entity<VariantAssignmentRecord>().ToTable("flow_variant_assignments").HasKey(a => new { a.FlowId, a.NodeId, a.Subject });
        model.Entity<EffectRecord>().ToTable("flow_effects").HasKey(e => e.Key);

        SnakeCaseModel.Apply(model);
    }
}
