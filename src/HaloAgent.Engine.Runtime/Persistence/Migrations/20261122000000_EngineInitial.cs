using HaloAgent.Engine.Runtime.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Engine.Runtime.Persistence.Migrations;

/// <summary>
/// Hand-written (the EF design-time package is not available) and provider-neutral: no column types are named,
/// so SQLite and PostgreSQL each map the CLR types their own way.
/// </summary>
[DbContext(typeof(EngineDbContext))]
[Migration("20261122000000_EngineInitial")]
public sealed class EngineInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "flows",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                name = table.Column<string>(nullable: false),
                description = table.Column<string>(nullable: true),
                active_version = table.Column<int>(nullable: true),
                latest_version = table.Column<int>(nullable: false),
                created_at = table.Column<long>(nullable: false),
                updated_at = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_flows", x => x.id));

        migrationBuilder.CreateTable(
            name: "flow_versions",
            columns: table => new
            {
                flow_id = table.Column<string>(nullable: false),
                version = table.Column<int>(nullable: false),
                status = table.Column<string>(nullable: false),
                definition = table.Column<string>(nullable: false),
                revision = table.Column<int>(nullable: false),
                created_at = table.Column<long>(nullable: false),
                updated_at = table.Column<long>(nullable: false),
                published_at = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_flow_versions", x => new { x.flow_id, x.version }));

        migrationBuilder.CreateTable(
            name: "flow_triggers",
            columns: table => new
            {
                flow_id = table.Column<string>(nullable: false),
                node_id = table.Column<string>(nullable: false),
                version = table.Column<int>(nullable: false),
                kind = table.Column<string>(nullable: false),
                event_name = table.Column<string>(nullable: true),
                cron = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_flow_triggers", x => new { x.flow_id, x.node_id }));
        migrationBuilder.CreateIndex("ix_flow_triggers_event_name", "flow_triggers", "event_name");

        migrationBuilder.CreateTable(
            name: "flow_instances",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                flow_id = table.Column<string>(nullable: false),
                version = table.Column<int>(nullable: false),
                status = table.Column<string>(nullable: false),
                correlation_key = table.Column<string>(nullable: true),
                singleton_key = table.Column<string>(nullable: true),
                start_key = table.Column<string>(nullable: true),
                current_node_id = table.Column<string>(nullable: true),
                data = table.Column<string>(nullable: false),
                sequence = table.Column<long>(nullable: false),
                wait = table.Column<string>(nullable: true),
                incident = table.Column<string>(nullable: true),
                wake_at = table.Column<long>(nullable: true),
                runnable_since = table.Column<long>(nullable: false),
                lease_owner = table.Column<string>(nullable: true),
                lease_until = table.Column<long>(nullable: true),
                row_version = table.Column<long>(nullable: false),
                created_at = table.Column<long>(nullable: false),
                updated_at = table.Column<long>(nullable: false),
                completed_at = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_flow_instances", x => x.id));
        migrationBuilder.CreateIndex("ix_flow_instances_wake_at", "flow_instances", "wake_at", filter: "wake_at IS NOT NULL");
        migrationBuilder.CreateIndex("ix_flow_instances_flow_id_singleton_key", "flow_instances", ["flow_id", "singleton_key"], unique: true);
        migrationBuilder.CreateIndex("ix_flow_instances_start_key", "flow_instances", "start_key", unique: true);
        migrationBuilder.CreateIndex("ix_flow_instances_flow_id_status", "flow_instances", ["flow_id", "status"]);
        migrationBuilder.CreateIndex("ix_flow_instances_correlation_key", "flow_instances", "correlation_key");

        migrationBuilder.CreateTable(
            name: "flow_bookmarks",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                instance_id = table.Column<string>(nullable: false),
                node_id = table.Column<string>(nullable: false),
                event_name = table.Column<string>(nullable: false),
                correlation_key = table.Column<string>(nullable: false),
                created_at = table.Column<long>(nullable: false),
                resumed_event_id = table.Column<string>(nullable: true),
                resumed_at = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_flow_bookmarks", x => x.id));
        migrationBuilder.CreateIndex("ix_flow_bookmarks_event_name_correlation_key", "flow_bookmarks", ["event_name", "correlation_key"]);
        migrationBuilder.CreateIndex("ix_flow_bookmarks_instance_id", "flow_bookmarks", "instance_id");

        migrationBuilder.CreateTable(
            name: "flow_events",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                name = table.Column<string>(nullable: false),
                correlation_key = table.Column<string>(nullable: false),
                payload = table.Column<string>(nullable: true),
                created_at = table.Column<long>(nullable: false),
                consumed_at = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_flow_events", x => x.id));
        migrationBuilder.CreateIndex("ix_flow_events_pending", "flow_events", ["name", "correlation_key", "created_at"], filter: "consumed_at IS NULL");
        migrationBuilder.CreateIndex("ix_flow_events_created_at", "flow_events", "created_at");

        migrationBuilder.CreateTable(
            name: "flow_journal",
            columns: table => new
            {
                instance_id = table.Column<string>(nullable: false),
                first_sequence = table.Column<long>(nullable: false),
                last_sequence = table.Column<long>(nullable: false),
                entries = table.Column<string>(nullable: false),
                created_at = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_flow_journal", x => new { x.instance_id, x.first_sequence }));

        migrationBuilder.CreateTable(
            name: "flow_variant_assignments",
            columns: table => new
            {
                flow_id = table.Column<string>(nullable: false),
                node_id = table.Column<string>(nullable: false),
                subject = table.Column<string>(nullable: false),
                variant = table.Column<string>(nullable: false),
                instance_id = table.Column<string>(nullable: false),
                assigned_at = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_flow_variant_assignments", x => new { x.flow_id, x.node_id, x.subject }));

        migrationBuilder.CreateTable(
            name: "flow_effects",
            columns: table => new
            {
                key = table.Column<string>(nullable: false),
                result = table.Column<string>(nullable: true),
                created_at = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_flow_effects", x => x.key));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "flow_effects", "flow_variant_assignments", "flow_journal", "flow_events", "flow_bookmarks", "flow_instances", "flow_triggers", "flow_versions", "flows" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
