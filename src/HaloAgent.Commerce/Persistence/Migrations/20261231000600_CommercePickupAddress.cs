using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Commerce.Persistence.Migrations;

/// <summary>Where pickup customers collect their order (the pickup summary names it). Hand-written and provider-neutral.</summary>
[DbContext(typeof(CommerceDbContext))]
[Migration("20261231000600_CommercePickupAddress")]
public sealed class CommercePickupAddress : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>("pickup_address", "businesses", nullable: true);

    // Plain SQL: EF refuses DropColumn on SQLite, though SQLite (3.35+) and PostgreSQL both run this.
    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("ALTER TABLE businesses DROP COLUMN pickup_address");
}
