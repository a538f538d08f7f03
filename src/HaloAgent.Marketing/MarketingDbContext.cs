using HaloAgent.Marketing.Broadcasts;
using HaloAgent.Marketing.Experiments;
using HaloAgent.Marketing.Journeys;
using HaloAgent.Marketing.Segments;
using HaloAgent.Marketing.Templates;
using HaloAgent.Platform.Naming;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Marketing;

/// <summary>Marketing's own tables (WhatsApp templates, segments, broadcasts), in the shared database with their own migrations history.</summary>
public sealed class MarketingDbContext(DbContextOptions<MarketingDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__marketing_migrations";

    public DbSet<WhatsAppTemplate> Templates => Set<WhatsAppTemplate>();

    public DbSet<Segment> Segments => Set<Segment>();

    public DbSet<Broadcast> Broadcasts => Set<Broadcast>();

    public DbSet<BroadcastRecipient> Recipients => Set<BroadcastRecipient>();

    public DbSet<ExperimentState> Experiments => Set<ExperimentState>();
    public DbSet<JourneyMessage> JourneyMessages => Set<JourneyMessage>();

    public DbSet<JourneyConversion> JourneyConversions => Set<JourneyConversion>();

    public DbSet<JourneyEntry> JourneyEntries => Set<JourneyEntry>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        var template = model.Entity<WhatsAppTemplate>();
        template.ToTable("marketing_whatsapp_templates").HasKey(t => t.Id);
        template.HasIndex(t => new { t.BusinessId, t.Name, t.Language }).IsUnique()
            .HasDatabaseName("ux_marketing_whatsapp_templates_business_id_name_language");
        var segment = model.Entity<Segment>();
        segment.ToTable("marketing_segments").HasKey(s => s.Id);
        segment.HasIndex(s => new { s.BusinessId, s.Name }).IsUnique().HasDatabaseName("ux_marketing_segments_business_id_name");
        var broadcast = model.Entity<Broadcast>();
        broadcast.ToTable("marketing_broadcasts").HasKey(b => b.Id);
        broadcast.HasIndex(b => new { b.BusinessId, b.CreatedAt }).HasDatabaseName("ix_marketing_broadcasts_business_id_created_at");
        broadcast.HasIndex(b => new { b.Status, b.ScheduledAt }).HasDatabaseName("ix_marketing_broadcasts_status_scheduled_at");
        var recipient = model.Entity<BroadcastRecipient>();
        recipient.ToTable("marketing_broadcast_recipients").HasKey(r => r.Id);
        recipient.Ignore(r => r.IdempotencyKey);
        recipient.HasIndex(r => new { r.BroadcastId, r.ContactId }).IsUnique().HasDatabaseName("ux_marketing_broadcast_recipients_broadcast_id_contact_id");
        recipient.HasIndex(r => new { r.BroadcastId, r.Status }).HasDatabaseName("ix_marketing_broadcast_recipients_broadcast_id_status");
        recipient.HasIndex(r => new { r.BusinessId, r.ContactId, r.QueuedAt }).HasDatabaseName("ix_marketing_broadcast_recipients_business_id_contact_id_queued_at");
        recipient.HasIndex(r => new { r.BusinessId, r.QueuedAt }).HasDatabaseName("ix_marketing_broadcast_recipients_business_id_queued_at");
        var experiment = model.Entity<ExperimentState>();
        experiment.ToTable("marketing_experiments").HasKey(e => e.Id);
        experiment.HasIndex(e => e.BusinessId).HasDatabaseName("ix_marketing_experiments_business_id");
        var journeyMessage = model.Entity<JourneyMessage>();
        journeyMessage.ToTable("marketing_journey_messages").HasKey(m => m.Id);
        journeyMessage.HasIndex(m => new { m.BusinessId, m.ContactId, m.At }).HasDatabaseName("ix_marketing_journey_messages_business_id_contact_id_at");
        journeyMessage.HasIndex(m => new { m.FlowId, m.NodeId }).HasDatabaseName("ix_marketing_journey_messages_flow_id_node_id");
        var conversion = model.Entity<JourneyConversion>();
        conversion.ToTable("marketing_journey_conversions").HasKey(c => c.Id);
        conversion.HasIndex(c => new { c.FlowId, c.ConvertedAt }).HasDatabaseName("ix_marketing_journey_conversions_flow_id_converted_at");
        var entry = model.Entity<JourneyEntry>();
        entry.ToTable("marketing_journey_entries").HasKey(e => e.Id);
        entry.HasIndex(e => new { e.FlowId, e.ContactId, e.EnteredAt }).HasDatabaseName("ix_marketing_journey_entries_flow_id_contact_id_entered_at");
        SnakeCaseModel.Apply(model);
    }
}
