using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Commerce.Persistence.Migrations;

/// <summary>
/// Contacts remember the channel they last wrote on (replies go there). The commerce message log is dropped: the
/// channels' inbox and outbox hold every message in and out, and the conversation history is read from them.
/// </summary>
[DbContext(typeof(CommerceDbContext))]
[Migration("20261202000100_CommerceChannels")]
public sealed class CommerceChannels : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("channel", "contacts", nullable: false, defaultValue: "whatsapp");
        migrationBuilder.DropTable("messages");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Plain SQL: EF refuses DropColumn on SQLite, though SQLite (3.35+) and PostgreSQL both run this.
        migrationBuilder.Sql("ALTER TABLE contacts DROP COLUMN channel");
        CommerceDomain.CreateMessageLog(migrationBuilder); // empty: its messages live in the channels' tables

    }
}
