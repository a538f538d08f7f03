using Dapper;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Tests.Support;
using HaloAgent.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HaloAgent.Engine.Runtime.Tests;

/// <summary>
/// A step whose own database call meets a transient failure (a PostgreSQL session killed or restarting, SQLite busy)
/// is retried inside the step, with the same idempotency key, instead of faulting the instance with an incident.
/// The failures here are real: the provider's own exceptions from real connections.
/// </summary>
public sealed class TransientStepFailureTests
{
    private const string Flow = """
        { "id": "lookup", "name": "Lookup",
          "nodes": [ { "id": "start", "type": "Start" },
                     { "id": "find", "type": "DatabaseStep" },
                     { "id": "after", "type": "SetVariable", "inputs": { "name": "found", "value": "nodes.find" } } ],
          "edges": [ { "from": "start", "to": "find" }, { "from": "find", "to": "after" } ] }
        """;

    [Fact]
    public async Task A_step_whose_postgres_session_is_terminated_is_retried_in_step_and_completes_without_an_incident()
    {
        var target = await DatabaseTarget.CreateAsync(DatabaseProvider.Postgres);
        var control = new DatabaseStepControl
        {
            Connect = () => new NpgsqlConnection(target.ConnectionString),
            // Another session ends this one (as an administrator or a failover does) and waits until it is gone.
            BeforeFirstQuery = async connection =>
            {
                var pid = ((NpgsqlConnection)connection).ProcessID;
                await using var admin = new NpgsqlConnection(target.ConnectionString);
                (await admin.ExecuteScalarAsync<bool>("SELECT pg_terminate_backend(@pid, 10000)", new { pid })).ShouldBeTrue();
            },
        };
        await using var host = await StartHostAsync(target, control);

        var id = await host.StartAsync("lookup");
        await host.DrainAsync();

        var failure = control.Failures.ShouldHaveSingleItem();
        failure.ShouldBeAssignableTo<NpgsqlException>(failure.ToString());
        await ShouldHaveCompletedAfterOneRetryAsync(host, id, control);
    }

    [Fact]
    public async Task A_step_running_while_postgres_restarts_waits_for_it_and_completes_without_an_incident()
    {
        await using var server = await PostgresServer.StartPrivateAsync();
        var target = new DatabaseTarget(DatabaseProvider.Postgres, await server.CreateDatabaseAsync("transient"));
        Task? restart = null;
        var control = new DatabaseStepControl
        {
            Connect = () => new NpgsqlConnection(target.ConnectionString),
            // The step's first query is still running when the server restarts (pg_ctl restart -m fast cuts every
            // session); its retries then meet a server that refuses or is starting up until it is back. The retries'
            // query is quick: a second 60 s sleep would outlast the 30 s command timeout and the retry budget.
            FirstQuery = "SELECT 42 FROM pg_sleep(60)",
            BeforeFirstQuery = _ =>
            {
                restart = Task.Run(server.RestartAsync);
                return Task.CompletedTask;
            },
        };
        await using var host = await StartHostAsync(target, control);

        var id = await host.StartAsync("lookup");
        await host.DrainAsync();
        await restart.ShouldNotBeNull();

        control.Failures.ShouldNotBeEmpty();
        control.Failures.ShouldAllBe(f => f is NpgsqlException);
        var instance = await host.GetAsync(id);
        instance.Summary.Status.ShouldBe(InstanceStatus.Completed, instance.Incident?.Message);
        instance.Variables["found"].ShouldBe(42m);
        control.Keys.Count.ShouldBe(control.Failures.Count + 1);
        control.Keys.Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_step_that_finds_sqlite_busy_is_retried_in_step_and_completes_without_an_incident()
    {
        var target = await DatabaseTarget.CreateAsync(DatabaseProvider.Sqlite);
        await using var blocker = new SqliteConnection(target.ConnectionString);
        await blocker.OpenAsync();
        await blocker.ExecuteAsync("CREATE TABLE lookups (id INTEGER PRIMARY KEY)");
        var control = new DatabaseStepControl
        {
            // Another writer of the same file (a module outside the engine's write gate) holds the write lock.
            Connect = () => new SqliteConnection(target.ConnectionString + ";Default Timeout=1"),
            Query = "INSERT INTO lookups DEFAULT VALUES; SELECT 42",
            BeforeFirstQuery = _ => blocker.ExecuteAsync("BEGIN IMMEDIATE"),
        };
        var released = Task.Run(async () =>
        {
            await control.FirstFailure.Task;
            await blocker.ExecuteAsync("ROLLBACK");
        });
        await using var host = await StartHostAsync(target, control);

        var id = await host.StartAsync("lookup");
        await host.DrainAsync();
        await released;

        control.Failures.ShouldHaveSingleItem().ShouldBeOfType<SqliteException>().SqliteErrorCode.ShouldBe(5); // SQLITE_BUSY
        await ShouldHaveCompletedAfterOneRetryAsync(host, id, control);
    }

    private static async Task<EngineHost> StartHostAsync(DatabaseTarget target, DatabaseStepControl control)
    {
        var host = await EngineHost.StartAsync(target.Provider, target.ConnectionString, new ManualClock(), services =>
        {
            services.AddSingleton(control);
            services.AddActivity<DatabaseStepActivity>();
        });
        await host.PublishAsync(Flow);
        return host;
    }

    private static async Task ShouldHaveCompletedAfterOneRetryAsync(EngineHost host, string id, DatabaseStepControl control)
    {
        var instance = await host.GetAsync(id);
        instance.Summary.Status.ShouldBe(InstanceStatus.Completed, instance.Incident?.Message);
        instance.Incident.ShouldBeNull();
        instance.Variables["found"].ShouldBe(42m);
        var step = instance.Journal.Single(e => e!["nodeId"]!.GetValue<string>() == "find")!;
        step["kind"]!.GetValue<string>().ShouldBe("executed");
        step["attempts"]!.GetValue<int>().ShouldBe(2);
        control.Keys.Count.ShouldBe(2);
        control.Keys.Distinct().ShouldHaveSingleItem(); // the retry reuses the step's idempotency key
    }
}
