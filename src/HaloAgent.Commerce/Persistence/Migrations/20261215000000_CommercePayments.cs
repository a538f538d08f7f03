using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Commerce.Persistence.Migrations;

/// <summary>
/// Payments beside orders: one payment per order with its unique reference, the receipts customers sent (hash, OCR
/// text, fields, score, reasons, the image), the Paystack webhook log (deduplicated by event) and each business's
/// payment settings. Hand-written and provider-neutral like the others.
/// </summary>
[DbContext(typeof(CommerceDbContext))]
[Migration("20261215000000_CommercePayments")]
public sealed class CommercePayments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "payments",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                business_id = table.Column<string>(nullable: false),
                order_id = table.Column<string>(nullable: false),
                contact_id = table.Column<string>(nullable: false),
                reference = table.Column<string>(nullable: false),
                method = table.Column<string>(nullable: false),
                status = table.Column<string>(nullable: false),
                amount_kobo = table.Column<long>(nullable: false),
                score = table.Column<double>(nullable: true),
                verdict = table.Column<string>(nullable: true),
                review_reason = table.Column<string>(nullable: true),
                paystack_url = table.Column<string>(nullable: true),
                provider_reference = table.Column<string>(nullable: true),
                confirmed_by = table.Column<string>(nullable: true),
                rejection_reason = table.Column<string>(nullable: true),
                claimed_at = table.Column<long>(nullable: true),
                paid_at = table.Column<long>(nullable: true),
                version = table.Column<long>(nullable: false),
                created_at = table.Column<long>(nullable: false),
                updated_at = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_payments", x => x.id);
                table.ForeignKey("fk_payments_orders_order_id", x => x.order_id, "orders", "id");
            });
        // References are unique everywhere: a webhook or a narration names one payment, whatever the business.
        migrationBuilder.CreateIndex("ix_payments_reference", "payments", "reference", unique: true);
        migrationBuilder.CreateIndex("ix_payments_order_id", "payments", "order_id", unique: true);
        migrationBuilder.CreateIndex("ix_payments_business_id_status_score", "payments", ["business_id", "status", "score"]);
        migrationBuilder.CreateIndex("ix_payments_contact_id_created_at", "payments", ["contact_id", "created_at"]);

        migrationBuilder.CreateTable(
            name: "payment_receipts",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                payment_id = table.Column<string>(nullable: false),
                business_id = table.Column<string>(nullable: false),
                order_id = table.Column<string>(nullable: false),
                message_id = table.Column<string>(nullable: false),
                image_sha256 = table.Column<string>(nullable: true),
                mime_type = table.Column<string>(nullable: true),
                size_bytes = table.Column<long>(nullable: false),
                image = table.Column<byte[]>(nullable: true),
                raw_text = table.Column<string>(nullable: true),
                fields = table.Column<string>(nullable: true),
                ocr_confidence = table.Column<double>(nullable: false),
                confidence = table.Column<double>(nullable: false),
                score = table.Column<double>(nullable: false),
                verdict = table.Column<string>(nullable: false),
                reasons = table.Column<string>(nullable: false),
                error = table.Column<string>(nullable: true),
                auto_confirmed = table.Column<bool>(nullable: false),
                created_at = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_payment_receipts", x => x.id);
                table.ForeignKey("fk_payment_receipts_payments_payment_id", x => x.payment_id, "payments", "id");
            });
        migrationBuilder.CreateIndex("ix_payment_receipts_payment_id_message_id", "payment_receipts", ["payment_id", "message_id"], unique: true);
        // Not unique: the second use of an image is stored too, flagged, for the owner to see both.
        migrationBuilder.CreateIndex("ix_payment_receipts_business_id_image_sha256", "payment_receipts", ["business_id", "image_sha256"]);

        migrationBuilder.CreateTable(
            name: "paystack_events",
            columns: table => new
            {
                dedupe_key = table.Column<string>(nullable: false),
                @event = table.Column<string>(name: "event", nullable: false),
                reference = table.Column<string>(nullable: true),
                body = table.Column<string>(nullable: false),
                outcome = table.Column<string>(nullable: false),
                detail = table.Column<string>(nullable: true),
                payment_id = table.Column<string>(nullable: true),
                received_at = table.Column<long>(nullable: false),
                processed_at = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_paystack_events", x => x.dedupe_key));

        migrationBuilder.CreateTable(
            name: "payment_settings",
            columns: table => new
            {
                business_id = table.Column<string>(nullable: false),
                bank_transfer = table.Column<bool>(nullable: false),
                pay_on_delivery = table.Column<bool>(nullable: false),
                paystack = table.Column<bool>(nullable: false),
                auto_confirm_receipts = table.Column<bool>(nullable: false),
                auto_confirm_min_score = table.Column<double>(nullable: false),
                auto_confirm_max_kobo = table.Column<long>(nullable: false),
                updated_at = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_payment_settings", x => x.business_id);
                table.ForeignKey("fk_payment_settings_businesses_business_id", x => x.business_id, "businesses", "id");
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("payment_settings");
        migrationBuilder.DropTable("paystack_events");
        migrationBuilder.DropTable("payment_receipts");
        migrationBuilder.DropTable("payments");
    }
}
