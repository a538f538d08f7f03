using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HaloAgent.Engine.Runtime.Persistence.Migrations;

/// <summary>
/// Flows, their triggers, instances and events get the tenant (business) they belong to. Existing rows keep null: they
/// become platform flows until the server gives them to a business (see FlowStore.AdoptAsync).
/// </summary>
[DbContext(typeof(EngineDbContext))]
[Migration("20261222000000_EngineTenants")]
public sealed class EngineTenants : Migration
{
    private static readonly string[] Tables = ["flows", "flow_triggers", "flow_instances", "flow_events"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.AddColumn<string>(name: "tenant_id", table: table, nullable: true);
        }

        migrationBuilder.CreateIndex("ix_flows_tenant_id", "flows", "tenant_id");
        migrationBuilder.CreateIndex("ix_flow_instances_tenant_id_created_at", "flow_instances", ["tenant_id", "created_at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("ix_flow_instances_tenant_id_created_at", "flow_instances");
        migrationBuilder.DropIndex("ix_flows_tenant_id", "flows");
        // Plain SQL: EF refuses DropColumn on SQLite, though SQLite (3.35+) and PostgreSQL both run this.
        foreach (var table in Tables)
        {
            migrationBuilder.Sql($"ALTER TABLE {table} DROP COLUMN tenant_id");
        }
    }
}
