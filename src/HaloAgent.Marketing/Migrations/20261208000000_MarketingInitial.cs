using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Marketing.Migrations;

/// <summary>WhatsApp templates; hand-written and provider-neutral like the other modules' migrations.</summary>
[DbContext(typeof(MarketingDbContext))]
[Migration("20261208000000_MarketingInitial")]
public sealed class MarketingInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "marketing_whatsapp_templates",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                business_id = table.Column<string>(nullable: false),
                meta_id = table.Column<string>(nullable: true),
                name = table.Column<string>(nullable: false),
                language = table.Column<string>(nullable: false),
                category = table.Column<string>(nullable: false),
                status = table.Column<string>(nullable: false),
                status_reason = table.Column<string>(nullable: true),
                body = table.Column<string>(nullable: false),
                parameter_count = table.Column<int>(nullable: false),
                updated_at = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_marketing_whatsapp_templates", x => x.id));
        migrationBuilder.CreateIndex(
            "ux_marketing_whatsapp_templates_business_id_name_language", "marketing_whatsapp_templates", ["business_id", "name", "language"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("marketing_whatsapp_templates");
}
