using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Marketing.Migrations;

/// <summary>Saved segments: a name (unique per business) and a filter as JSON.</summary>
[DbContext(typeof(MarketingDbContext))]
[Migration("20261210000000_MarketingSegments")]
public sealed class MarketingSegments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "marketing_segments",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                business_id = table.Column<string>(nullable: false),
                name = table.Column<string>(nullable: false),
                filter = table.Column<string>(nullable: false),
                created_at = table.Column<long>(nullable: false),
                updated_at = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_marketing_segments", x => x.id));
        migrationBuilder.CreateIndex("ux_marketing_segments_business_id_name", "marketing_segments", ["business_id", "name"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("marketing_segments");
}
