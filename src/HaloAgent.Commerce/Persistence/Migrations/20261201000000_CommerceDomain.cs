using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Commerce.Persistence.Migrations;

/// <summary>
/// Contacts, conversation memory, catalog, carts, orders, the message log and escalations, plus the business
/// settings they need. Hand-written and provider-neutral like <see cref="CommerceInitial"/>.
/// </summary>
[DbContext(typeof(CommerceDbContext))]
[Migration("20261201000000_CommerceDomain")]
public sealed class CommerceDomain : Migration
{
    private static readonly string[] BusinessColumns =
    [
        "default_language", "opening_hours", "delivery_zones", "bank_name", "bank_account_number", "bank_account_name",
        "whatsapp_access_token", "template_language_fallback", "order_prefix", "updated_at",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("default_language", "businesses", nullable: false, defaultValue: "en");
        migrationBuilder.AddColumn<string>("opening_hours", "businesses", nullable: true);
        migrationBuilder.AddColumn<string>("delivery_zones", "businesses", nullable: false, defaultValue: "[]");
        migrationBuilder.AddColumn<string>("bank_name", "businesses", nullable: true);
        migrationBuilder.AddColumn<string>("bank_account_number", "businesses", nullable: true);
        migrationBuilder.AddColumn<string>("bank_account_name", "businesses", nullable: true);
        migrationBuilder.AddColumn<string>("whatsapp_access_token", "businesses", nullable: true);
        migrationBuilder.AddColumn<string>("template_language_fallback", "businesses", nullable: false, defaultValue: "en");
        migrationBuilder.AddColumn<string>("order_prefix", "businesses", nullable: true);
        migrationBuilder.AddColumn<long>("updated_at", "businesses", nullable: false, defaultValue: 0L);

        migrationBuilder.CreateTable(
            name: "contacts",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                business_id = table.Column<string>(nullable: false),
                wa_id = table.Column<string>(nullable: false),
                phone_e164 = table.Column<string>(nullable: true),
                name = table.Column<string>(nullable: true),
                preferred_language = table.Column<string>(nullable: true),
                data_consent = table.Column<bool>(nullable: false),
                data_consent_at = table.Column<long>(nullable: true),
                marketing_consent = table.Column<bool>(nullable: false),
                marketing_consent_at = table.Column<long>(nullable: true),
                marketing_opt_out = table.Column<bool>(nullable: false),
                marketing_opt_out_at = table.Column<long>(nullable: true),
                loyalty_points = table.Column<int>(nullable: false),
                order_count = table.Column<int>(nullable: false),
                last_inbound_at = table.Column<long>(nullable: true),
                agent_paused = table.Column<bool>(nullable: false),
                agent_paused_at = table.Column<long>(nullable: true),
                created_at = table.Column<long>(nullable: false),
                updated_at = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_contacts", x => x.id);
                table.ForeignKey("fk_contacts_businesses_business_id", x => x.business_id, "businesses", "id");
            });
        migrationBuilder.CreateIndex("ix_contacts_business_id_wa_id", "contacts", ["business_id", "wa_id"], unique: true);

        migrationBuilder.CreateTable(
            name: "conversation_memory",
            columns: table => new
            {
                contact_id = table.Column<string>(nullable: false),
                business_id = table.Column<string>(nullable: false),
                turns = table.Column<string>(nullable: false),
                facts = table.Column<string>(nullable: false),
                version = table.Column<long>(nullable: false),
                updated_at = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_conversation_memory", x => x.contact_id);
                table.ForeignKey("fk_conversation_memory_contacts_contact_id", x => x.contact_id, "contacts", "id");
            });

        migrationBuilder.CreateTable(
            name: "products",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                business_id = table.Column<string>(nullable: false),
                sku = table.Column<string>(nullable: false),
                names = table.Column<string>(nullable: false),
                aliases = table.Column<string>(nullable: false),
                price_kobo = table.Column<long>(nullable: false),
                stock = table.Column<int>(nullable: false),
                image_url = table.Column<string>(nullable: true),
                category = table.Column<string>(nullable: true),
                active = table.Column<bool>(nullable: false),
                position = table.Column<int>(nullable: false),
                created_at = table.Column<long>(nullable: false),
                updated_at = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_products", x => x.id);
                table.ForeignKey("fk_products_businesses_business_id", x => x.business_id, "businesses", "id");
                // The conditional UPDATE keeps stock from going negative; this makes any other path fail loudly.
                table.CheckConstraint("ck_products_stock", "stock >= 0");
            });
        migrationBuilder.CreateIndex("ix_products_business_id_sku", "products", ["business_id", "sku"], unique: true);

        migrationBuilder.CreateTable(
            name: "carts",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                business_id = table.Column<string>(nullable: false),
                contact_id = table.Column<string>(nullable: false),
                created_at = table.Column<long>(nullable: false),
                updated_at = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_carts", x => x.id);
                table.ForeignKey("fk_carts_contacts_contact_id", x => x.contact_id, "contacts", "id");
            });
        migrationBuilder.CreateIndex("ix_carts_contact_id", "carts", "contact_id", unique: true);
        migrationBuilder.CreateIndex("ix_carts_business_id_updated_at", "carts", ["business_id", "updated_at"]);

        migrationBuilder.CreateTable(
            name: "cart_items",
            columns: table => new
            {
                cart_id = table.Column<string>(nullable: false),
                product_id = table.Column<string>(nullable: false),
                quantity = table.Column<int>(nullable: false),
                position = table.Column<int>(nullable: false),
                added_at = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_cart_items", x => new { x.cart_id, x.product_id });
                table.ForeignKey("fk_cart_items_carts_cart_id", x => x.cart_id, "carts", "id");
                table.ForeignKey("fk_cart_items_products_product_id", x => x.product_id, "products", "id");
            });
        migrationBuilder.CreateIndex("ix_cart_items_product_id", "cart_items", "product_id");

        migrationBuilder.CreateTable(
            name: "orders",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                business_id = table.Column<string>(nullable: false),
                contact_id = table.Column<string>(nullable: false),
                number = table.Column<string>(nullable: false),
                status = table.Column<string>(nullable: false),
                fulfilment = table.Column<string>(nullable: false),
                delivery_zone = table.Column<string>(nullable: true),
                delivery_address = table.Column<string>(nullable: true),
                subtotal_kobo = table.Column<long>(nullable: false),
                delivery_fee_kobo = table.Column<long>(nullable: false),
                total_kobo = table.Column<long>(nullable: false),
                note = table.Column<string>(nullable: true),
                idempotency_key = table.Column<string>(nullable: true),
                version = table.Column<long>(nullable: false),
                created_at = table.Column<long>(nullable: false),
                updated_at = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_orders", x => x.id);
                table.ForeignKey("fk_orders_contacts_contact_id", x => x.contact_id, "contacts", "id");
            });
        migrationBuilder.CreateIndex("ix_orders_business_id_number", "orders", ["business_id", "number"], unique: true);
        migrationBuilder.CreateIndex("ix_orders_business_id_idempotency_key", "orders", ["business_id", "idempotency_key"], unique: true);
        migrationBuilder.CreateIndex("ix_orders_contact_id_created_at", "orders", ["contact_id", "created_at"]);
        migrationBuilder.CreateIndex("ix_orders_business_id_status", "orders", ["business_id", "status"]);

        migrationBuilder.CreateTable(
            name: "order_items",
            columns: table => new
            {
                order_id = table.Column<string>(nullable: false),
                line = table.Column<int>(nullable: false),
                product_id = table.Column<string>(nullable: false),
                sku = table.Column<string>(nullable: false),
                names = table.Column<string>(nullable: false),
                unit_price_kobo = table.Column<long>(nullable: false),
                quantity = table.Column<int>(nullable: false),
                line_total_kobo = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_order_items", x => new { x.order_id, x.line });
                table.ForeignKey("fk_order_items_orders_order_id", x => x.order_id, "orders", "id");
            });

        migrationBuilder.CreateTable(
            name: "order_status_history",
            columns: table => new
            {
                order_id = table.Column<string>(nullable: false),
                sequence = table.Column<long>(nullable: false),
                from_status = table.Column<string>(nullable: true),
                to_status = table.Column<string>(nullable: false),
                actor = table.Column<string>(nullable: false),
                note = table.Column<string>(nullable: true),
                at = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_order_status_history", x => new { x.order_id, x.sequence });
                table.ForeignKey("fk_order_status_history_orders_order_id", x => x.order_id, "orders", "id");
            });

        migrationBuilder.CreateTable(
            name: "order_counters",
            columns: table => new
            {
                business_id = table.Column<string>(nullable: false),
                last_number = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_order_counters", x => x.business_id));

        CreateMessageLog(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "escalations",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                business_id = table.Column<string>(nullable: false),
                contact_id = table.Column<string>(nullable: false),
                reason = table.Column<string>(nullable: false),
                status = table.Column<string>(nullable: false),
                opened_by = table.Column<string>(nullable: false),
                opened_at = table.Column<long>(nullable: false),
                resolved_by = table.Column<string>(nullable: true),
                resolution_note = table.Column<string>(nullable: true),
                resolved_at = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_escalations", x => x.id);
                table.ForeignKey("fk_escalations_contacts_contact_id", x => x.contact_id, "contacts", "id");
            });
        // At most one open escalation per contact, enforced by the database.
        migrationBuilder.CreateIndex("ix_escalations_open_contact_id", "escalations", "contact_id", unique: true, filter: "status = 'open'");
        migrationBuilder.CreateIndex("ix_escalations_business_id_status_opened_at", "escalations", ["business_id", "status", "opened_at"]);
    }

    /// <summary>The message log this migration made (dropped by <see cref="CommerceChannels"/>, which brings it back on the way down).</summary>
    internal static void CreateMessageLog(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "messages",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                business_id = table.Column<string>(nullable: false),
                contact_id = table.Column<string>(nullable: false),
                direction = table.Column<string>(nullable: false),
                channel = table.Column<string>(nullable: false),
                external_id = table.Column<string>(nullable: true),
                idempotency_key = table.Column<string>(nullable: true),
                type = table.Column<string>(nullable: false),
                text = table.Column<string>(nullable: true),
                payload = table.Column<string>(nullable: true),
                status = table.Column<string>(nullable: false),
                error_code = table.Column<string>(nullable: true),
                error_title = table.Column<string>(nullable: true),
                created_at = table.Column<long>(nullable: false),
                updated_at = table.Column<long>(nullable: false),
                sent_at = table.Column<long>(nullable: true),
                delivered_at = table.Column<long>(nullable: true),
                read_at = table.Column<long>(nullable: true),
                failed_at = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_messages", x => x.id);
                table.ForeignKey("fk_messages_contacts_contact_id", x => x.contact_id, "contacts", "id");
            });
        migrationBuilder.CreateIndex("ix_messages_business_id_channel_external_id", "messages", ["business_id", "channel", "external_id"], unique: true);
        migrationBuilder.CreateIndex("ix_messages_business_id_idempotency_key", "messages", ["business_id", "idempotency_key"], unique: true);
        migrationBuilder.CreateIndex("ix_messages_contact_id_created_at", "messages", ["contact_id", "created_at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
                 {
                     "escalations", "messages", "order_counters", "order_status_history", "order_items", "orders", "cart_items", "carts",
                     "products", "conversation_memory", "contacts",
                 })
        {
            migrationBuilder.DropTable(table);
        }

        // Plain SQL: EF refuses DropColumn on SQLite, though SQLite (3.35+) and PostgreSQL both run this.
        foreach (var column in BusinessColumns)
        {
            migrationBuilder.Sql($"ALTER TABLE businesses DROP COLUMN {column}");
        }
    }
}
