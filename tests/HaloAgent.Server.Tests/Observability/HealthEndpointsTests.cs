using System.Net;
using System.Text.Json;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Observability;

/// <summary><c>/health/live</c> (the process answers), <c>/health/ready</c> (database, migrations, scheduler), the old <c>/health</c>.</summary>
public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task Live_and_ready_answer_200_on_a_started_node_and_ready_names_its_checks()
    {
        await using var factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite);
        var client = factory.CreateClient();

        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("status").GetString().ShouldBe("Healthy");
        var checks = body.RootElement.GetProperty("checks");
        foreach (var name in new[] { "database", "migrations", "scheduler" })
        {
            checks.GetProperty(name).GetProperty("status").GetString().ShouldBe("Healthy", name);
        }
    }

    [Fact]
    public async Task Ready_is_503_while_PostgreSQL_is_down_and_live_stays_200()
    {
        await using var postgres = await PostgresServer.StartPrivateAsync();
        var connectionString = await postgres.CreateDatabaseAsync("ready");
        await using var factory = new HaloAgentFactory(DatabaseProvider.Postgres, connectionString);
        var client = factory.CreateClient();
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await postgres.StopAsync();

        var status = await Eventually.ReturnsAsync(
            async () => (await client.GetAsync("/health/ready")).StatusCode,
            s => s == HttpStatusCode.ServiceUnavailable,
            TimeSpan.FromSeconds(30),
            "/health/ready with the database stopped");
        status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
