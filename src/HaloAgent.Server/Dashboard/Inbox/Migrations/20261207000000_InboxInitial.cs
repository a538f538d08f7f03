using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Server.Dashboard.Inbox.Migrations;

/// <summary>Read markers and quick replies; hand-written and provider-neutral like the other modules' migrations.</summary>
[DbContext(typeof(InboxDbContext))]
[Migration("20261207000000_InboxInitial")]
public sealed class InboxInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "inbox_reads",
            columns: table => new
            {
                business_id = table.Column<string>(nullable: false),
                contact_id = table.Column<string>(nullable: false),
                read_at = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_inbox_reads", x => new { x.business_id, x.contact_id }));
        migrationBuilder.CreateTable(
            name: "inbox_quick_replies",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                business_id = table.Column<string>(nullable: false),
                position = table.Column<int>(nullable: false),
                text = table.Column<string>(nullable: false),
                created_at = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_inbox_quick_replies", x => x.id));
        migrationBuilder.CreateIndex("ix_inbox_quick_replies_business_id_position", "inbox_quick_replies", ["business_id", "position"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("inbox_quick_replies");
        migrationBuilder.DropTable("inbox_reads");
    }
}
