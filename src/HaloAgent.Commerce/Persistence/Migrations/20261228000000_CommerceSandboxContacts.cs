using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Commerce.Persistence.Migrations;

/// <summary>
/// Contacts say whether they are a test run's sandbox customer (see <c>SandboxContacts</c>): every existing contact is a
/// real customer. Hand-written and provider-neutral like the others.
/// </summary>
[DbContext(typeof(CommerceDbContext))]
[Migration("20261228000000_CommerceSandboxContacts")]
public sealed class CommerceSandboxContacts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<bool>("sandbox", "contacts", nullable: false, defaultValue: false);

    // Plain SQL: EF refuses DropColumn on SQLite, though SQLite (3.35+) and PostgreSQL both run this.
    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("ALTER TABLE contacts DROP COLUMN sandbox");
}
