using HaloAgent.Channels.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Channels.Persistence.Migrations;

/// <summary>
/// Hand-written and provider-neutral like the engine's: no column types are named, so SQLite and PostgreSQL each map
/// the CLR types their own way (byte[] is BLOB / bytea). Times are Unix milliseconds.
/// </summary>
[DbContext(typeof(ChannelsDbContext))]
[Migration("20261123000000_ChannelsInitial")]
public sealed class ChannelsInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "webhook_inbox",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                provider = table.Column<string>(nullable: false),
                body = table.Column<byte[]>(nullable: false),
                status = table.Column<string>(nullable: false),
                received_at = table.Column<long>(nullable: false),
                next_attempt_at = table.Column<long>(nullable: false),
                attempts = table.Column<int>(nullable: false),
                processed_at = table.Column<long>(nullable: true),
                error = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_webhook_inbox", x => x.id));
        migrationBuilder.CreateIndex("ix_webhook_inbox_due", "webhook_inbox", "next_attempt_at", filter: "processed_at IS NULL");

        migrationBuilder.CreateTable(
            name: "channel_inbound_messages",
            columns: table => new
            {
                business_id = table.Column<string>(nullable: false),
                external_id = table.Column<string>(nullable: false),
                channel = table.Column<string>(nullable: false),
                sender = table.Column<string>(nullable: false),
                type = table.Column<string>(nullable: false),
                sent_at = table.Column<long>(nullable: false),
                received_at = table.Column<long>(nullable: false),
                inbox_id = table.Column<string>(nullable: false),
                payload = table.Column<string>(nullable: false),
                claimed_until = table.Column<long>(nullable: true),
                handled_at = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_channel_inbound_messages", x => new { x.business_id, x.external_id }));
        migrationBuilder.CreateIndex(
            "ix_channel_inbound_messages_business_id_sender_sent_at", "channel_inbound_messages", ["business_id", "sender", "sent_at"]);

        migrationBuilder.CreateTable(
            name: "channel_status_events",
            columns: table => new
            {
                wamid = table.Column<string>(nullable: false),
                status = table.Column<string>(nullable: false),
                occurred_at = table.Column<long>(nullable: false),
                recipient_id = table.Column<string>(nullable: true),
                error_code = table.Column<int>(nullable: true),
                error_title = table.Column<string>(nullable: true),
                biz_opaque_callback_data = table.Column<string>(nullable: true),
                received_at = table.Column<long>(nullable: false),
                inbox_id = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_channel_status_events", x => new { x.wamid, x.status }));

        migrationBuilder.CreateTable(
            name: "outbound_messages",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                business_id = table.Column<string>(nullable: false),
                recipient = table.Column<string>(nullable: false),
                idempotency_key = table.Column<string>(nullable: false),
                message_type = table.Column<string>(nullable: false),
                payload = table.Column<string>(nullable: false),
                status = table.Column<string>(nullable: false),
                attempts = table.Column<int>(nullable: false),
                next_attempt_at = table.Column<long>(nullable: false),
                wamid = table.Column<string>(nullable: true),
                error_code = table.Column<int>(nullable: true),
                error_title = table.Column<string>(nullable: true),
                error_detail = table.Column<string>(nullable: true),
                biz_opaque_callback_data = table.Column<string>(nullable: true),
                status_at = table.Column<long>(nullable: true),
                created_at = table.Column<long>(nullable: false),
                updated_at = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_outbound_messages", x => x.id));
        migrationBuilder.CreateIndex("ix_outbound_messages_idempotency_key", "outbound_messages", "idempotency_key", unique: true);
        migrationBuilder.CreateIndex("ix_outbound_messages_wamid", "outbound_messages", "wamid", unique: true, filter: "wamid IS NOT NULL");
        migrationBuilder.CreateIndex("ix_outbound_messages_due", "outbound_messages", "next_attempt_at", filter: OutboxSql.PendingFilter);
        migrationBuilder.CreateIndex(
            "ix_outbound_messages_pending_recipient", "outbound_messages", ["business_id", "recipient", "created_at"], filter: OutboxSql.PendingFilter);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "outbound_messages", "channel_status_events", "channel_inbound_messages", "webhook_inbox" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
