using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Server.Studio.TestRuns.Migrations;

/// <summary>Test runs; hand-written and provider-neutral like the other modules' migrations.</summary>
[DbContext(typeof(TestRunsDbContext))]
[Migration("20261205000000_StudioTestRuns")]
public sealed class StudioTestRuns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "studio_test_runs",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                business_id = table.Column<string>(nullable: false),
                flow_id = table.Column<string>(nullable: false),
                sandbox_flow_id = table.Column<string>(nullable: false),
                contact_id = table.Column<string>(nullable: false),
                contact_key = table.Column<string>(nullable: false),
                start_node_id = table.Column<string>(nullable: false),
                start_event = table.Column<string>(nullable: true),
                instance_id = table.Column<string>(nullable: true),
                created_by = table.Column<string>(nullable: false),
                created_at = table.Column<long>(nullable: false),
                ended_at = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_studio_test_runs", x => x.id));
        migrationBuilder.CreateIndex("ix_studio_test_runs_contact_id", "studio_test_runs", "contact_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("studio_test_runs");
}
