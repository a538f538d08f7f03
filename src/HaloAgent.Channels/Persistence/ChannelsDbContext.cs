using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Channels.Outbox;
using HaloAgent.Channels.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using HaloAgent.Platform.Naming;

namespace HaloAgent.Channels.Persistence;

/// <summary>
/// The channels' tables, in the engine's database (the outbox is written inside engine transactions) but with their
/// own migrations and history table. Columns are snake_case everywhere so the hand-written SQL reads the same on both providers.
/// </summary>
public sealed class ChannelsDbContext(DbContextOptions<ChannelsDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__channels_migrations";

    public DbSet<WebhookInboxRecord> WebhookInbox => Set<WebhookInboxRecord>();

    public DbSet<InboundMessageRecord> InboundMessages => Set<InboundMessageRecord>();

    public DbSet<StatusEventRecord> StatusEvents => Set<StatusEventRecord>();

    public DbSet<OutboundMessageRecord> OutboundMessages => Set<OutboundMessageRecord>();

    public DbSet<WebChatImageRecord> WebChatImages => Set<WebChatImageRecord>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        var inbox = model.Entity<WebhookInboxRecord>();
        inbox.ToTable("webhook_inbox").HasKey(i => i.Id);
        inbox.HasIndex(i => i.NextAttemptAt).HasDatabaseName("ix_webhook_inbox_due").HasFilter("processed_at IS NULL");
        inbox.HasIndex(i => i.ReceivedAt, "ix_webhook_inbox_dead").HasFilter("status = 'dead'");
        inbox.HasIndex(i => i.ReceivedAt, "ix_webhook_inbox_prunable").HasFilter("pruned_at IS NULL AND processed_at IS NOT NULL");

        var inbound = model.Entity<InboundMessageRecord>();
        inbound.ToTable("channel_inbound_messages").HasKey(m => new { m.BusinessId, m.ExternalId });
        inbound.HasIndex(m => new { m.BusinessId, m.Sender, m.SentAt });

        model.Entity<StatusEventRecord>().ToTable("channel_status_events").HasKey(s => new { s.Wamid, s.Status });

        var outbound = model.Entity<OutboundMessageRecord>();
        outbound.ToTable("outbound_messages").HasKey(o => o.Id);
        outbound.HasIndex(o => o.IdempotencyKey).IsUnique();
        outbound.HasIndex(o => o.Wamid).IsUnique().HasFilter("wamid IS NOT NULL");
        outbound.HasIndex(o => o.NextAttemptAt).HasDatabaseName("ix_outbound_messages_due").HasFilter(OutboxSql.PendingFilter);
        outbound.HasIndex(o => new { o.BusinessId, o.Recipient, o.CreatedAt }, "ix_outbound_messages_pending_recipient").HasFilter(OutboxSql.PendingFilter);
        outbound.HasIndex(o => new { o.BusinessId, o.Recipient, o.CreatedAt }, "ix_outbound_messages_business_id_recipient_created_at");

        var images = model.Entity<WebChatImageRecord>();
        images.ToTable("webchat_images").HasKey(i => new { i.BusinessId, i.Id });
        images.HasIndex(i => new { i.BusinessId, i.Sender });
        images.HasIndex(i => i.CreatedAt);

        SnakeCaseModel.Apply(model);
    }
}
