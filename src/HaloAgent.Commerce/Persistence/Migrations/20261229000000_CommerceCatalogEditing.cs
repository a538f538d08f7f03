using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Commerce.Persistence.Migrations;

/// <summary>
/// The owner edits the menu: a product can be marked sold out until a time (the owner's "sold out today", see
/// <c>BusinessDay</c>; no existing product is) and have a photo stored beside it. Hand-written and provider-neutral
/// like the others.
/// </summary>
[DbContext(typeof(CommerceDbContext))]
[Migration("20261229000000_CommerceCatalogEditing")]
public sealed class CommerceCatalogEditing : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>("sold_out_until", "products", nullable: true);
        migrationBuilder.CreateTable(
            name: "product_photos",
            columns: table => new
            {
                product_id = table.Column<string>(nullable: false),
                content_type = table.Column<string>(nullable: false),
                data = table.Column<byte[]>(nullable: false),
                updated_at = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_product_photos", x => x.product_id);
                table.ForeignKey("fk_product_photos_products_product_id", x => x.product_id, "products", "id");
            });
    }

    // Plain SQL for the column: EF refuses DropColumn on SQLite, though SQLite (3.35+) and PostgreSQL both run this.
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("product_photos");
        migrationBuilder.Sql("ALTER TABLE products DROP COLUMN sold_out_until");
    }
}
