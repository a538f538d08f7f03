using HaloAgent.Integrations.Triggers;
using HaloAgent.Integrations.Webhooks;
using HaloAgent.Platform.Naming;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Integrations;

/// <summary>The integrations module's tables (webhooks, their delivery queue and log, incoming triggers), with their own migrations history.</summary>
public sealed class IntegrationsDbContext(DbContextOptions<IntegrationsDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__integrations_migrations";

    public DbSet<WebhookSubscription> Webhooks => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> Deliveries => Set<WebhookDelivery>();

    public DbSet<WebhookAttempt> Attempts => Set<WebhookAttempt>();

    public DbSet<IncomingTrigger> Triggers => Set<IncomingTrigger>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        var webhook = model.Entity<WebhookSubscription>();
        webhook.ToTable("integration_webhooks").HasKey(w => w.Id);
        webhook.Ignore(w => w.EventList);
        webhook.HasIndex(w => w.BusinessId).HasDatabaseName("ix_integration_webhooks_business_id");
        var delivery = model.Entity<WebhookDelivery>();
        delivery.ToTable("integration_webhook_deliveries").HasKey(d => d.Id);
        delivery.HasIndex(d => new { d.Status, d.NextAttemptAt }).HasDatabaseName("ix_integration_webhook_deliveries_status_next_attempt_at");
        delivery.HasIndex(d => new { d.SubscriptionId, d.CreatedAt }).HasDatabaseName("ix_integration_webhook_deliveries_subscription_id_created_at");
        var attempt = model.Entity<WebhookAttempt>();
        attempt.ToTable("integration_webhook_attempts").HasKey(a => a.Id);
        attempt.HasIndex(a => new { a.DeliveryId, a.At }).HasDatabaseName("ix_integration_webhook_attempts_delivery_id_at");
        var trigger = model.Entity<IncomingTrigger>();
        trigger.ToTable("integration_triggers").HasKey(t => t.Id);
        trigger.HasIndex(t => new { t.BusinessId, t.Name }).IsUnique().HasDatabaseName("ux_integration_triggers_business_id_name");
        SnakeCaseModel.Apply(model);
    }
}
