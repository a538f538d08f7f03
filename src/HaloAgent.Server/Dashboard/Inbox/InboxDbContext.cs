using Microsoft.EntityFrameworkCore;
using HaloAgent.Platform.Naming;

namespace HaloAgent.Server.Dashboard.Inbox;

/// <summary>The inbox's own state (what the owner has read, the business's quick replies), in the shared database with its own migrations history.</summary>
public sealed class InboxDbContext(DbContextOptions<InboxDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__inbox_migrations";

    public DbSet<ConversationRead> Reads => Set<ConversationRead>();

    public DbSet<QuickReply> QuickReplies => Set<QuickReply>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<ConversationRead>().ToTable("inbox_reads").HasKey(r => new { r.BusinessId, r.ContactId });
        var reply = model.Entity<QuickReply>();
        reply.ToTable("inbox_quick_replies").HasKey(r => r.Id);
        reply.HasIndex(r => new { r.BusinessId, r.Position }).HasDatabaseName("ix_inbox_quick_replies_business_id_position");
        SnakeCaseModel.Apply(model);
    }
}
