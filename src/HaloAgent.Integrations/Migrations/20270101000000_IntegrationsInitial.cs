using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Integrations.Migrations;

/// <summary>Webhooks, their delivery queue and attempt log, incoming triggers; hand-written and provider-neutral like the other modules' migrations.</summary>
[DbContext(typeof(IntegrationsDbContext))]
[Migration("20270101000000_IntegrationsInitial")]
public sealed class IntegrationsInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "integration_webhooks",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                business_id = table.Column<string>(nullable: false),
                url = table.Column<string>(nullable: false),
                events = table.Column<string>(nullable: false),
                secret = table.Column<string>(nullable: false),
                active = table.Column<bool>(nullable: false),
                created_at = table.Column<long>(nullable: false),
                updated_at = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_integration_webhooks", x => x.id));
        migrationBuilder.CreateIndex("ix_integration_webhooks_business_id", "integration_webhooks", "business_id");

        migrationBuilder.CreateTable(
            name: "integration_webhook_deliveries",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                business_id = table.Column<string>(nullable: false),
                subscription_id = table.Column<string>(nullable: false),
                event_name = table.Column<string>(nullable: false),
                event_id = table.Column<string>(nullable: false),
                body = table.Column<string>(nullable: false),
                status = table.Column<string>(nullable: false),
                attempts = table.Column<int>(nullable: false),
                next_attempt_at = table.Column<long>(nullable: false),
                lease_until = table.Column<long>(nullable: true),
                last_status_code = table.Column<int>(nullable: true),
                last_error = table.Column<string>(nullable: true),
                created_at = table.Column<long>(nullable: false),
                delivered_at = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_integration_webhook_deliveries", x => x.id));
        migrationBuilder.CreateIndex(
            "ix_integration_webhook_deliveries_status_next_attempt_at", "integration_webhook_deliveries", ["status", "next_attempt_at"]);
        migrationBuilder.CreateIndex(
            "ix_integration_webhook_deliveries_subscription_id_created_at", "integration_webhook_deliveries", ["subscription_id", "created_at"]);

        migrationBuilder.CreateTable(
            name: "integration_webhook_attempts",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                delivery_id = table.Column<string>(nullable: false),
                number = table.Column<int>(nullable: false),
                at = table.Column<long>(nullable: false),
                status_code = table.Column<int>(nullable: true),
                response_body = table.Column<string>(nullable: true),
                error = table.Column<string>(nullable: true),
                duration_ms = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_integration_webhook_attempts", x => x.id));
        migrationBuilder.CreateIndex("ix_integration_webhook_attempts_delivery_id_at", "integration_webhook_attempts", ["delivery_id", "at"]);

        migrationBuilder.CreateTable(
            name: "integration_triggers",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                business_id = table.Column<string>(nullable: false),
                name = table.Column<string>(nullable: false),
                secret = table.Column<string>(nullable: false),
                created_at = table.Column<long>(nullable: false),
                last_used_at = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_integration_triggers", x => x.id));
        migrationBuilder.CreateIndex("ux_integration_triggers_business_id_name", "integration_triggers", ["business_id", "name"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("integration_triggers");
        migrationBuilder.DropTable("integration_webhook_attempts");
        migrationBuilder.DropTable("integration_webhook_deliveries");
        migrationBuilder.DropTable("integration_webhooks");
    }
}
