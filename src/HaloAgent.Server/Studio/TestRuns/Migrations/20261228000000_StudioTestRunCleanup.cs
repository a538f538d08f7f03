using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Server.Studio.TestRuns.Migrations;

/// <summary>
/// What ending and cleaning up a run needs: the sandbox's own engine tenant, the last activity (idle runs are ended),
/// the snapshot of the ended run and when its data was deleted. Runs made before count as active since their creation,
/// so the first sweep ends the abandoned ones (and cleans up those ended before). Hand-written and provider-neutral like
/// the first one.
/// </summary>
[DbContext(typeof(TestRunsDbContext))]
[Migration("20261228000000_StudioTestRunCleanup")]
public sealed class StudioTestRunCleanup : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("flow_tenant", "studio_test_runs", nullable: true);
        migrationBuilder.AddColumn<long>("last_active_at", "studio_test_runs", nullable: false, defaultValue: 0L);
        migrationBuilder.AddColumn<string>("snapshot", "studio_test_runs", nullable: true);
        migrationBuilder.AddColumn<long>("cleaned_at", "studio_test_runs", nullable: true);
        migrationBuilder.Sql("UPDATE studio_test_runs SET last_active_at = created_at");
        // Earlier runs made their sandbox customer as an ordinary contact: mark them (the commerce module, which owns the
        // column, migrates first), so they leave the owner's lists now and their cleanup may delete them.
        migrationBuilder.Sql("UPDATE contacts SET sandbox = TRUE WHERE id IN (SELECT contact_id FROM studio_test_runs)");
        migrationBuilder.CreateIndex(
            TestRunsDbContext.UnfinishedIndex, "studio_test_runs", "last_active_at", filter: "cleaned_at IS NULL");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(TestRunsDbContext.UnfinishedIndex, "studio_test_runs");
        // Plain SQL: EF refuses DropColumn on SQLite, though SQLite (3.35+) and PostgreSQL both run this.
        foreach (var column in new[] { "cleaned_at", "snapshot", "last_active_at", "flow_tenant" })
        {
            migrationBuilder.Sql($"ALTER TABLE studio_test_runs DROP COLUMN {column}");
        }
    }
}
