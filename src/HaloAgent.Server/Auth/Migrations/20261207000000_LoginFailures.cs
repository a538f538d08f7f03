using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Server.Auth.Migrations;

/// <summary>Failed sign-ins counted in the database, shared by every node (they were counted per node, in memory).</summary>
[DbContext(typeof(AuthDbContext))]
[Migration("20261207000000_LoginFailures")]
public sealed class LoginFailures : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "login_failures",
            columns: table => new
            {
                throttle_key = table.Column<string>(nullable: false),
                failures = table.Column<int>(nullable: false),
                last_failure_at = table.Column<long>(nullable: false),
                locked_until = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_login_failures", x => x.throttle_key));
        migrationBuilder.CreateIndex("ix_login_failures_last_failure_at", "login_failures", "last_failure_at");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("login_failures");
}
