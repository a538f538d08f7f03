using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Channels.Persistence.Migrations;

/// <summary>
/// <c>webchat_images</c>: pictures web chat visitors send (receipt screenshots). WhatsApp keeps its media for us to
/// download by id; web chat has nobody else to keep them, so they are stored here under their message's id (and deleted
/// by retention after <c>Retention:WebChatImageDays</c>).
/// </summary>
[DbContext(typeof(ChannelsDbContext))]
[Migration("20261220000000_ChannelsWebChatImages")]
public sealed class ChannelsWebChatImages : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "webchat_images",
            columns: table => new
            {
                business_id = table.Column<string>(nullable: false),
                id = table.Column<string>(nullable: false),
                sender = table.Column<string>(nullable: false),
                mime_type = table.Column<string>(nullable: false),
                size_bytes = table.Column<long>(nullable: false),
                data = table.Column<byte[]>(nullable: false),
                created_at = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_webchat_images", x => new { x.business_id, x.id }));
        migrationBuilder.CreateIndex("ix_webchat_images_business_id_sender", "webchat_images", ["business_id", "sender"]);
        // Retention deletes by age.
        migrationBuilder.CreateIndex("ix_webchat_images_created_at", "webchat_images", "created_at");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("webchat_images");
}
