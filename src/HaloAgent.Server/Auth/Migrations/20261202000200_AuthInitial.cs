using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Server.Auth.Migrations;

/// <summary>Dashboard users; hand-written and provider-neutral like the other modules' migrations.</summary>
[DbContext(typeof(AuthDbContext))]
[Migration("20261202000200_AuthInitial")]
public sealed class AuthInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "users",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                business_id = table.Column<string>(nullable: false),
                email = table.Column<string>(nullable: false),
                name = table.Column<string>(nullable: false),
                role = table.Column<string>(nullable: false),
                password_hash = table.Column<string>(nullable: false),
                created_at = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_users", x => x.id));
        migrationBuilder.CreateIndex("ix_users_email", "users", "email", unique: true);
        migrationBuilder.CreateIndex("ix_users_business_id", "users", "business_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("users");
}
