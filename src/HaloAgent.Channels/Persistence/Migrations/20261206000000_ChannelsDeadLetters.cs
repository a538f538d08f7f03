using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Channels.Persistence.Migrations;

/// <summary>
/// Dead letters and retention in <c>webhook_inbox</c>: events that failed for good become <c>dead</c> (listed for the
/// admin newest first), and <c>pruned_at</c> records when retention emptied a body.
/// </summary>
[DbContext(typeof(ChannelsDbContext))]
[Migration("20261206000000_ChannelsDeadLetters")]
public sealed class ChannelsDeadLetters : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("UPDATE webhook_inbox SET status = 'dead' WHERE status = 'failed'");
        migrationBuilder.AddColumn<long>("pruned_at", "webhook_inbox", nullable: true);
        migrationBuilder.CreateIndex("ix_webhook_inbox_dead", "webhook_inbox", "received_at", filter: "status = 'dead'");
        migrationBuilder.CreateIndex("ix_webhook_inbox_prunable", "webhook_inbox", "received_at", filter: "pruned_at IS NULL AND processed_at IS NOT NULL");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("ix_webhook_inbox_prunable", "webhook_inbox");
        migrationBuilder.DropIndex("ix_webhook_inbox_dead", "webhook_inbox");
        migrationBuilder.DropColumn("pruned_at", "webhook_inbox");
        migrationBuilder.Sql("UPDATE webhook_inbox SET status = 'failed' WHERE status = 'dead'");
    }
}
