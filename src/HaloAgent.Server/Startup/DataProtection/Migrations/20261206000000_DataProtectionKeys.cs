using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HaloAgent.Server.Startup.DataProtection.Migrations;

/// <summary>
/// The key ring: one row per key, its XML as Data Protection writes it. Hand-written and provider-neutral like the other
/// modules' migrations: each provider reads its own identity annotation and ignores the other's.
/// </summary>
[DbContext(typeof(DataProtectionKeysDbContext))]
[Migration("20261206000000_DataProtectionKeys")]
public sealed class DataProtectionKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: DataProtectionKeysDbContext.Table,
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                friendly_name = table.Column<string>(nullable: true),
                xml = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_data_protection_keys", x => x.id));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(DataProtectionKeysDbContext.Table);
}
