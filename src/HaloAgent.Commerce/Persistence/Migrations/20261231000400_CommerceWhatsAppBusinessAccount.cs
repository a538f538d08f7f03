using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Commerce.Persistence.Migrations;

/// <summary>The business's WhatsApp Business Account id (its templates are listed under it). Hand-written and provider-neutral.</summary>
[DbContext(typeof(CommerceDbContext))]
[Migration("20261231000400_CommerceWhatsAppBusinessAccount")]
public sealed class CommerceWhatsAppBusinessAccount : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>("whatsapp_business_account_id", "businesses", nullable: true);

    // Plain SQL: EF refuses DropColumn on SQLite, though SQLite (3.35+) and PostgreSQL both run this.
    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("ALTER TABLE businesses DROP COLUMN whatsapp_business_account_id");
}
