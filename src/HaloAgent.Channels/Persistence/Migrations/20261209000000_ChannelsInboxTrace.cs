using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Channels.Persistence.Migrations;

/// <summary>
/// <c>webhook_inbox.trace_parent</c>: the W3C trace context of the request that stored the event, so its processing
/// continues that trace on whichever node claims it (it was kept in the acking node's memory, which a fast claim on
/// the same node could beat and another node never saw).
/// </summary>
[DbContext(typeof(ChannelsDbContext))]
[Migration("20261209000000_ChannelsInboxTrace")]
public sealed class ChannelsInboxTrace : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>("trace_parent", "webhook_inbox", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn("trace_parent", "webhook_inbox");
}
