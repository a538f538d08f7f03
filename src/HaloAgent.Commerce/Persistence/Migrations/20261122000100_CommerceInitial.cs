using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Commerce.Persistence.Migrations;

/// <summary>Hand-written and provider-neutral, like the engine's.</summary>
[DbContext(typeof(CommerceDbContext))]
[Migration("20261122000100_CommerceInitial")]
public sealed class CommerceInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "businesses",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                slug = table.Column<string>(nullable: false),
                name = table.Column<string>(nullable: false),
                brand_voice = table.Column<string>(nullable: true),
                languages = table.Column<string>(nullable: false),
                whatsapp_phone_number_id = table.Column<string>(nullable: true),
                created_at = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_businesses", x => x.id));
        migrationBuilder.CreateIndex("ix_businesses_slug", "businesses", "slug", unique: true);
        migrationBuilder.CreateIndex("ix_businesses_whatsapp_phone_number_id", "businesses", "whatsapp_phone_number_id", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("businesses");
}
