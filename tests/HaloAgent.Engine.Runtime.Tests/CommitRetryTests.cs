using Dapper;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Runtime;
using HaloAgent.Engine.Runtime.Tests.Support;
using HaloAgent.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HaloAgent.Engine.Runtime.Tests;

/// <summary>
/// A batch's commit that meets a transient failure (PostgreSQL cutting the session mid-transaction, SQLite busy) is
/// retried as a whole, and the retry must write everything the first attempt meant to: the instance's new state, not
/// only its journal. (Seen under a PostgreSQL restart: the retry wrote the journal and bookmark but left the instance
/// row at its old step, so every later run collided with its own journal and the customer was never answered.)
/// </summary>
public abstract class CommitRetryTests(DatabaseProvider provider)
{
    private const string Flow = """
        { "id": "commit-retry", "name": "Commit retry",
          "nodes": [ { "id": "start", "type": "Start" },
                     { "id": "note", "type": "EnlistNote" },
                     { "id": "wait", "type": "WaitForEvent", "inputs": { "event": "customer.replied", "variable": "reply" } },
                     { "id": "after", "type": "SetVariable", "inputs": { "name": "got", "value": "vars.reply.text" } } ],
          "edges": [ { "from": "start", "to": "note" }, { "from": "note", "to": "wait" },
                     { "from": "wait", "outcome": "Received", "to": "after" } ] }
        """;

    [Fact]
    public async Task A_commit_retried_after_a_transient_failure_stores_the_instance_s_new_state()
    {
        var target = await DatabaseTarget.CreateAsync(provider);
        var breaker = new CommitBreaker(provider, target.ConnectionString);
        await using var host = await EngineHost.StartAsync(provider, target.ConnectionString, new ManualClock(), services =>
        {
            services.AddActivity<EnlistNoteActivity>();
            services.AddSingleton<IStepWriteHandler>(breaker);
        });
        await host.PublishAsync(Flow);

        var id = await host.StartAsync("commit-retry", correlationKey: "ada");
        await host.DrainAsync();

        breaker.Attempts.ShouldBe(2, "the first commit failed transiently and was retried");
        var waiting = await host.GetAsync(id);
        waiting.Summary.Status.ShouldBe(InstanceStatus.Waiting, waiting.Incident?.Message);
        waiting.Summary.CurrentNodeId.ShouldBe("wait");
        var row = await host.SqlAsync(c => c.QuerySingleAsync<(long Sequence, string? LeaseOwner, long? WakeAt)>(
            "SELECT sequence, lease_owner, wake_at FROM flow_instances WHERE id = @id", new { id }));
        row.Sequence.ShouldBe(3, "start, note and the wait's suspension");
        row.LeaseOwner.ShouldBeNull("the claim is released with the commit");
        row.WakeAt.ShouldBeNull("nothing is due until the customer replies");

        (await host.RaiseAsync("customer.replied", "ada", new Dictionary<string, object?> { ["text"] = "yes" })).ResumedInstances.ShouldBe([id]);
        await host.DrainAsync();

        var done = await host.GetAsync(id);
        done.Summary.Status.ShouldBe(InstanceStatus.Completed, done.Incident?.Message);
        done.Variables["got"].ShouldBe("yes");
        (await host.SqlAsync(c => c.ExecuteScalarAsync<long>("SELECT count(*) FROM test_notes"))).ShouldBe(1, "the enlisted write is stored once");
    }

    [Fact]
    public async Task An_instance_whose_results_cannot_be_stored_becomes_an_incident_and_does_not_hold_back_its_batch()
    {
        var target = await DatabaseTarget.CreateAsync(provider);
        var refusing = new RefusingWriter();
        await using var host = await EngineHost.StartAsync(provider, target.ConnectionString, new ManualClock(), services =>
        {
            services.AddActivity<EnlistNoteActivity>();
            services.AddSingleton<IStepWriteHandler>(refusing);
        });
        await host.PublishAsync(Flow);
        var poisoned = await host.StartAsync("commit-retry", correlationKey: "ada");
        var healthy = await host.StartAsync("commit-retry", correlationKey: "bola");
        refusing.Refused = poisoned;

        await host.DrainAsync();

        var ok = await host.GetAsync(healthy);
        ok.Summary.Status.ShouldBe(InstanceStatus.Waiting, ok.Incident?.Message);
        ok.Summary.CurrentNodeId.ShouldBe("wait");
        var parked = await host.GetAsync(poisoned);
        parked.Summary.Status.ShouldBe(InstanceStatus.Faulted);
        parked.Incident.ShouldNotBeNull().Message.ShouldContain("could not be stored");
        parked.Incident.Message.ShouldContain("refused on purpose");
        (await host.SqlAsync(c => c.QuerySingleAsync<(string? LeaseOwner, long? WakeAt)>(
            "SELECT lease_owner, wake_at FROM flow_instances WHERE id = @poisoned", new { poisoned }))).ShouldBe((null, null), "parked, not claimed again and again");

        // Once the cause is gone, a person's retry runs it from where it stopped.
        refusing.Refused = null;
        await host.Runtime.RetryAsync(TenantScope.All, poisoned, CancellationToken.None);
        await host.DrainAsync();
        var retried = await host.GetAsync(poisoned);
        retried.Summary.Status.ShouldBe(InstanceStatus.Waiting, retried.Incident?.Message);
        retried.Summary.CurrentNodeId.ShouldBe("wait");
    }

    /// <summary>Refuses, for good (not transiently), to store the note of one instance.</summary>
    private sealed class RefusingWriter : IStepWriteHandler
    {
        public volatile string? Refused;

        public Type Handles => typeof(Note);

        public Task WriteAsync(WriteScope scope, IReadOnlyList<StepWrite> writes) =>
            writes.Cast<Note>().Any(n => n.InstanceId == Refused)
                ? throw new InvalidOperationException("The note was refused on purpose.")
                : Task.CompletedTask;
    }

    private sealed record Note(string InstanceId) : StepWrite;

    private sealed class EnlistNoteActivity : Activity
    {
        public override ActivityDescriptor Descriptor { get; } = new() { Type = "EnlistNote", DisplayName = "Enlist a note", Category = "Test" };

        public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
        {
            context.Enlist(new Note(context.Instance.Id));
            return ValueTask.FromResult(ActivityResult.Done());
        }
    }

    /// <summary>Stores notes in the commit's transaction; the first time, the database fails under it, as a restart does.</summary>
    private sealed class CommitBreaker(DatabaseProvider provider, string connectionString) : IStepWriteHandler
    {
        public int Attempts;

        public Type Handles => typeof(Note);

        public async Task WriteAsync(WriteScope scope, IReadOnlyList<StepWrite> writes)
        {
            await scope.Connection.ExecuteAsync(scope.Command("CREATE TABLE IF NOT EXISTS test_notes (instance_id TEXT PRIMARY KEY)"));
            await scope.Connection.ExecuteAsync(scope.Command(
                "INSERT INTO test_notes (instance_id) VALUES (@InstanceId)", writes.Cast<Note>().Select(n => new { n.InstanceId }).ToList()));
            if (Interlocked.Increment(ref Attempts) > 1)
            {
                return;
            }

            if (provider == DatabaseProvider.Postgres)
            {
                // A real cut: another session ends this one, so the rest of the commit meets a broken connection.
                var pid = ((NpgsqlConnection)scope.Connection).ProcessID;
                await using var admin = new NpgsqlConnection(connectionString);
                (await admin.ExecuteScalarAsync<bool>("SELECT pg_terminate_backend(@pid, 10000)", new { pid })).ShouldBeTrue();
                return;
            }

            throw new SqliteException("database is locked", 5); // SQLITE_BUSY, as another writer of the file causes
        }
    }
}

public sealed class SqliteCommitRetryTests() : CommitRetryTests(DatabaseProvider.Sqlite);

public sealed class PostgresCommitRetryTests() : CommitRetryTests(DatabaseProvider.Postgres);
