using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Marketing.Migrations;

/// <summary>Broadcasts and their recipients (one durable row per contact, unique per broadcast).</summary>
[DbContext(typeof(MarketingDbContext))]
[Migration("20261231000600_MarketingBroadcasts")]
public sealed class MarketingBroadcasts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "marketing_broadcasts",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                business_id = table.Column<string>(nullable: false),
                name = table.Column<string>(nullable: false),
                segment_id = table.Column<string>(nullable: true),
                template_name = table.Column<string>(nullable: false),
                fallback_language = table.Column<string>(nullable: false),
                parameters = table.Column<string>(nullable: false),
                status = table.Column<string>(nullable: false),
                status_reason = table.Column<string>(nullable: true),
                scheduled_at = table.Column<long>(nullable: true),
                materialized = table.Column<bool>(nullable: false),
                held_until = table.Column<long>(nullable: true),
                held_reason = table.Column<string>(nullable: true),
                lease_owner = table.Column<string>(nullable: true),
                lease_until = table.Column<long>(nullable: true),
                created_by = table.Column<string>(nullable: true),
                created_at = table.Column<long>(nullable: false),
                updated_at = table.Column<long>(nullable: false),
                started_at = table.Column<long>(nullable: true),
                completed_at = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_marketing_broadcasts", x => x.id));
        migrationBuilder.CreateIndex("ix_marketing_broadcasts_business_id_created_at", "marketing_broadcasts", ["business_id", "created_at"]);
        migrationBuilder.CreateIndex("ix_marketing_broadcasts_status_scheduled_at", "marketing_broadcasts", ["status", "scheduled_at"]);

        migrationBuilder.CreateTable(
            name: "marketing_broadcast_recipients",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                broadcast_id = table.Column<string>(nullable: false),
                business_id = table.Column<string>(nullable: false),
                contact_id = table.Column<string>(nullable: false),
                address = table.Column<string>(nullable: false),
                channel = table.Column<string>(nullable: false),
                language = table.Column<string>(nullable: false),
                template_language = table.Column<string>(nullable: true),
                status = table.Column<string>(nullable: false),
                reason = table.Column<string>(nullable: true),
                error_code = table.Column<int>(nullable: true),
                attempt = table.Column<int>(nullable: false),
                not_before = table.Column<long>(nullable: true),
                queued_at = table.Column<long>(nullable: true),
                sent_at = table.Column<long>(nullable: true),
                delivered_at = table.Column<long>(nullable: true),
                read_at = table.Column<long>(nullable: true),
                failed_at = table.Column<long>(nullable: true),
                replied_at = table.Column<long>(nullable: true),
                ordered_at = table.Column<long>(nullable: true),
                revenue_kobo = table.Column<long>(nullable: true),
                checked_at = table.Column<long>(nullable: false),
                updated_at = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_marketing_broadcast_recipients", x => x.id);
                table.ForeignKey("fk_marketing_broadcast_recipients_broadcast_id", x => x.broadcast_id, "marketing_broadcasts", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(
            "ux_marketing_broadcast_recipients_broadcast_id_contact_id", "marketing_broadcast_recipients", ["broadcast_id", "contact_id"], unique: true);
        migrationBuilder.CreateIndex("ix_marketing_broadcast_recipients_broadcast_id_status", "marketing_broadcast_recipients", ["broadcast_id", "status"]);
        migrationBuilder.CreateIndex(
            "ix_marketing_broadcast_recipients_business_id_contact_id_queued_at", "marketing_broadcast_recipients", ["business_id", "contact_id", "queued_at"]);
        migrationBuilder.CreateIndex(
            "ix_marketing_broadcast_recipients_business_id_queued_at", "marketing_broadcast_recipients", ["business_id", "queued_at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("marketing_broadcast_recipients");
        migrationBuilder.DropTable("marketing_broadcasts");
    }
}
