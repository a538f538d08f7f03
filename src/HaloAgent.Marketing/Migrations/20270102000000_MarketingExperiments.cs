using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Marketing.Migrations;

/// <summary>What owners decided about experiments (stopped, winner promoted); a running experiment has no row.</summary>
[DbContext(typeof(MarketingDbContext))]
[Migration("20270102000000_MarketingExperiments")]
public sealed class MarketingExperiments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "marketing_experiments",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                business_id = table.Column<string>(nullable: false),
                flow_id = table.Column<string>(nullable: false),
                node_id = table.Column<string>(nullable: false),
                status = table.Column<string>(nullable: false),
                stopped_at = table.Column<long>(nullable: true),
                winner = table.Column<string>(nullable: true),
                promoted_version = table.Column<int>(nullable: true),
                updated_at = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_marketing_experiments", x => x.id));
        migrationBuilder.CreateIndex("ix_marketing_experiments_business_id", "marketing_experiments", "business_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("marketing_experiments");
}
