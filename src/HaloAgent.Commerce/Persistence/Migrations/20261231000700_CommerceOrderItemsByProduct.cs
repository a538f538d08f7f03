using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Commerce.Persistence.Migrations;

/// <summary>
/// The "bought product" segment rule finds a product's lines, then their orders: without this index PostgreSQL read all
/// of order_items (216,000 lines in the bench) for every count. Hand-written and provider-neutral.
/// </summary>
[DbContext(typeof(CommerceDbContext))]
[Migration("20261231000700_CommerceOrderItemsByProduct")]
public sealed class CommerceOrderItemsByProduct : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex("ix_order_items_product_id_order_id", "order_items", ["product_id", "order_id"]);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex("ix_order_items_product_id_order_id", "order_items");
}
