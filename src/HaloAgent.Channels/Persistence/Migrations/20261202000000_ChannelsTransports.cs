using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Channels.Persistence.Migrations;

/// <summary>
/// One outbox for every transport: the channel a message goes out on, the approved-template language to fall back to
/// outside the 24-hour window, and an index to read one conversation's messages in order (web chat, the inbox).
/// </summary>
[DbContext(typeof(ChannelsDbContext))]
[Migration("20261202000000_ChannelsTransports")]
public sealed class ChannelsTransports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("channel", "outbound_messages", nullable: false, defaultValue: "whatsapp");
        migrationBuilder.AddColumn<string>("template_language", "outbound_messages", nullable: true);
        migrationBuilder.CreateIndex(
            "ix_outbound_messages_business_id_recipient_created_at", "outbound_messages", ["business_id", "recipient", "created_at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("ix_outbound_messages_business_id_recipient_created_at", "outbound_messages");
        migrationBuilder.DropColumn("template_language", "outbound_messages");
        migrationBuilder.DropColumn("channel", "outbound_messages");
    }
}
