using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Server.Audit.Migrations;

/// <summary>The audit log; hand-written and provider-neutral like the other modules' migrations.</summary>
[DbContext(typeof(AuditDbContext))]
[Migration("20261206000100_AuditLog")]
public sealed class AuditLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "audit_log",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                business_id = table.Column<string>(nullable: false),
                actor = table.Column<string>(nullable: false),
                actor_id = table.Column<string>(nullable: true),
                actor_role = table.Column<string>(nullable: true),
                action = table.Column<string>(nullable: false),
                target_type = table.Column<string>(nullable: true),
                target_id = table.Column<string>(nullable: true),
                before = table.Column<string>(nullable: true),
                after = table.Column<string>(nullable: true),
                created_at = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_audit_log", x => x.id));
        migrationBuilder.CreateIndex(AuditDbContext.BusinessTimeIndex, "audit_log", ["business_id", "id"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("audit_log");
}
