using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Marketing.Migrations;

/// <summary>Journeys: each message step (queued or skipped, counted by the frequency cap), goal conversions and entries (re-entry rule).</summary>
[DbContext(typeof(MarketingDbContext))]
[Migration("20270101000000_MarketingJourneys")]
public sealed class MarketingJourneys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "marketing_journey_messages",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                business_id = table.Column<string>(nullable: false),
                contact_id = table.Column<string>(nullable: false),
                flow_id = table.Column<string>(nullable: false),
                instance_id = table.Column<string>(nullable: false),
                node_id = table.Column<string>(nullable: false),
                status = table.Column<string>(nullable: false),
                mode = table.Column<string>(nullable: true),
                language = table.Column<string>(nullable: true),
                template_name = table.Column<string>(nullable: true),
                reason = table.Column<string>(nullable: true),
                at = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_marketing_journey_messages", x => x.id));
        migrationBuilder.CreateIndex(
            "ix_marketing_journey_messages_business_id_contact_id_at", "marketing_journey_messages", ["business_id", "contact_id", "at"]);
        migrationBuilder.CreateIndex("ix_marketing_journey_messages_flow_id_node_id", "marketing_journey_messages", ["flow_id", "node_id"]);

        migrationBuilder.CreateTable(
            name: "marketing_journey_conversions",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                flow_id = table.Column<string>(nullable: false),
                node_id = table.Column<string>(nullable: false),
                instance_id = table.Column<string>(nullable: false),
                contact_id = table.Column<string>(nullable: false),
                event_name = table.Column<string>(nullable: false),
                converted_at = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_marketing_journey_conversions", x => x.id));
        migrationBuilder.CreateIndex(
            "ix_marketing_journey_conversions_flow_id_converted_at", "marketing_journey_conversions", ["flow_id", "converted_at"]);

        migrationBuilder.CreateTable(
            name: "marketing_journey_entries",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                flow_id = table.Column<string>(nullable: false),
                contact_id = table.Column<string>(nullable: false),
                entered_at = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_marketing_journey_entries", x => x.id));
        migrationBuilder.CreateIndex(
            "ix_marketing_journey_entries_flow_id_contact_id_entered_at", "marketing_journey_entries", ["flow_id", "contact_id", "entered_at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("marketing_journey_entries");
        migrationBuilder.DropTable("marketing_journey_conversions");
        migrationBuilder.DropTable("marketing_journey_messages");
    }
}
