using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Server.Auth.Migrations;

/// <summary>
/// Server-side sessions (one row per sign-in). Cookies issued before this migration name no session and are refused,
/// so everyone signs in once more. Hand-written and provider-neutral like the first one.
/// </summary>
[DbContext(typeof(AuthDbContext))]
[Migration("20261206000000_AuthSessions")]
public sealed class AuthSessions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "user_sessions",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                user_id = table.Column<string>(nullable: false),
                business_id = table.Column<string>(nullable: false),
                created_at = table.Column<long>(nullable: false),
                last_seen_at = table.Column<long>(nullable: false),
                expires_at = table.Column<long>(nullable: false),
                revoked_at = table.Column<long>(nullable: true),
                revoked_reason = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_user_sessions", x => x.id));
        migrationBuilder.CreateIndex("ix_user_sessions_user_id", "user_sessions", "user_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("user_sessions");
}
