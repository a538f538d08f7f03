using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Commerce.Persistence.Migrations;

/// <summary>The team's note on a contact (see <c>Contact.Note</c>): existing contacts have none. Hand-written and provider-neutral.</summary>
[DbContext(typeof(CommerceDbContext))]
[Migration("20261231000500_CommerceContactNote")]
public sealed class CommerceContactNote : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>("note", "contacts", nullable: false, defaultValue: "");

    // Plain SQL: EF refuses DropColumn on SQLite, though SQLite (3.35+) and PostgreSQL both run this.
    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("ALTER TABLE contacts DROP COLUMN note");
}
