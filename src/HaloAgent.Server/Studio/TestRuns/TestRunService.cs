using System.Text.Json;
using Dapper;
using HaloAgent.Channels.History;
using HaloAgent.Channels.Inbound;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime;
using HaloAgent.Engine.Runtime.Management;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Runtime;
using HaloAgent.Engine.Validation;
using Microsoft.EntityFrameworkCore;
using HaloAgent.Platform.Events;

namespace HaloAgent.Server.Studio.TestRuns;

/// <summary>
/// Test runs of a flow's current draft: a sandbox web chat contact in the user's business talks to a hidden published
/// copy of the draft (see <see cref="SandboxDefinition"/>). The sandbox's messages go through the inbox like any
/// customer's; <see cref="SandboxEventPublisher"/> hands its events to the run's instance only, so no published flow
/// ever runs for it and the draft never runs for anyone else. Replies go to the web chat channel: recorded, never sent.
/// </summary>
public sealed class TestRunService(
    IDbContextFactory<TestRunsDbContext> runs,
    FlowStore store,
    FlowCompiler compiler,
    FlowRuntime runtime,
    InstanceQueries instances,
    EngineDatabase engine,
    WorkSignal signal,
    IContactService contacts,
    TestRunViews views,
    TestRunCleanup cleanup,
    TimeProvider clock,
    ILogger<TestRunService> logger)
{
    /// <summary>Activity is recorded to this resolution: a Studio polling every second writes once a minute, not every second.</summary>
    private static readonly TimeSpan ActivityResolution = TimeSpan.FromMinutes(1);

    public sealed record Created(string RunId, string ContactKey, string SandboxFlowId, string? InstanceId);

    /// <summary>
    /// Starts a run of <paramref name="definition"/> (the editor's unsaved document) or, without it, of the flow's saved
    /// draft (its latest version when it has none). Invalid documents are refused like a publish is (422).
    /// </summary>
    public async Task<Created> CreateAsync(string businessId, string actor, string flowId, FlowDefinition? definition, string? contactName, string? language, CancellationToken cancellationToken)
    {
        var tenant = TenantScope.Of(businessId);
        var draft = definition ?? (await store.GetVersionAsync(tenant, flowId, null, cancellationToken)).Definition;
        compiler.EnsureWithinLimits(draft);
        var errors = compiler.Validate(draft with { Id = flowId });
        if (errors.Count > 0)
        {
            throw new FlowValidationException(errors);
        }

        if (!string.IsNullOrWhiteSpace(language) && LanguageCodes.Normalize(language.Trim()) is null)
        {
            throw new FormatException($"'{language}' is not a language the agent speaks: use en, pcm, yo, ig or ha.");
        }

        var runId = TestRunIds.NewRunId();
        var plan = SandboxDefinition.Create(draft with { Id = flowId }, TestRunIds.SandboxFlowId(flowId, runId));
        var contactKey = TestRunIds.ContactKey(runId);
        var name = string.IsNullOrWhiteSpace(contactName) ? "Test customer" : contactName.Trim();
        var contact = await contacts.CreateSandboxAsync(businessId, contactKey, name, ChannelNames.WebChat, cancellationToken);

        // The run row exists before anything is published for the contact, so every event of theirs is recognised, and
        // before the sandbox flow, so whatever fails from here on is found and cleaned up like an ended run.
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var record = new TestRunRecord
        {
            Id = runId,
            BusinessId = businessId,
            FlowId = flowId,
            SandboxFlowId = plan.Sandbox.Id,
            FlowTenant = TestRunIds.SandboxTenant(businessId),
            ContactId = contact.Id,
            ContactKey = contactKey,
            StartNodeId = plan.StartNodeId,
            StartEvent = plan.StartEvent,
            CreatedBy = actor,
            CreatedAt = now,
            LastActiveAt = now,
        };
        await using (var db = await runs.CreateDbContextAsync(cancellationToken))
        {
            db.TestRuns.Add(record);
            await db.SaveChangesAsync(cancellationToken);
        }

        try
        {
            if (!string.IsNullOrWhiteSpace(language))
            {
                await contacts.SetLanguageAsync(contact.Id, language.Trim(), cancellationToken);
            }

            await store.ImportAsync(record.Tenant, plan.Sandbox, publish: true, cancellationToken);

            // A flow started by a customer's message waits for the first one; any other starts now, as if its trigger fired.
            if (plan.StartEvent != EventNames.MessageReceived)
            {
                var refreshed = await contacts.GetAsync(contact.Id, cancellationToken) ?? contact;
                await StartInstanceAsync(record, ContactPayload(refreshed), $"testrun:{runId}", cancellationToken);
            }
        }
        catch
        {
            await cleanup.EndAsync(runId, CancellationToken.None);
            throw;
        }

        logger.LogInformation("Test run {RunId} of {FlowId} for business {BusinessId} by {Actor}", runId, flowId, businessId, actor);
        return new Created(runId, contactKey, record.SandboxFlowId, record.InstanceId);
    }

    /// <summary>The run when it belongs to <paramref name="businessId"/>; another business's run reads as unknown.</summary>
    public async Task<TestRunRecord> GetRecordAsync(string businessId, string runId, CancellationToken cancellationToken)
    {
        if (TestRunIds.IsValidRunId(runId))
        {
            await using var db = await runs.CreateDbContextAsync(cancellationToken);
            var record = await db.TestRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId && r.BusinessId == businessId, cancellationToken);
            if (record is not null)
            {
                return record;
            }
        }

        throw new TestRunNotFoundException(runId);
    }

    /// <summary>
    /// The run as the Studio shows it; an ended run from what was kept of it once its data is deleted. Reading a live run
    /// counts as using it: a Studio that still polls it has not abandoned it.
    /// </summary>
    public async Task<TestRunView> GetAsync(string businessId, string runId, CancellationToken cancellationToken)
    {
        var record = await GetRecordAsync(businessId, runId, cancellationToken);
        await KeepAliveAsync(record, cancellationToken);
        if (record.Snapshot is { } kept)
        {
            return TestRunViews.FromSnapshot(record, TestRunSnapshot.FromJson(kept));
        }

        try
        {
            return await views.LiveAsync(record, cancellationToken);
        }
        catch (InstanceNotFoundException)
        {
            // Ended and cleaned up while this was reading: the snapshot was kept before the instance went.
            record = await GetRecordAsync(businessId, runId, cancellationToken);
            if (record.Snapshot is null)
            {
                throw;
            }

            return TestRunViews.FromSnapshot(record, TestRunSnapshot.FromJson(record.Snapshot));
        }
    }

    /// <summary>Records that the Studio is using a live run (see <see cref="TestRunRecord.LastActiveAt"/>).</summary>
    public async Task KeepAliveAsync(TestRunRecord record, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (record.EndedAt is not null || now - record.LastActiveAt < (long)ActivityResolution.TotalMilliseconds)
        {
            return;
        }

        await using var db = await runs.CreateDbContextAsync(cancellationToken);
        await db.TestRuns.Where(r => r.Id == record.Id && r.EndedAt == null && r.LastActiveAt < now)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastActiveAt, now), cancellationToken);
    }

    /// <summary>
    /// Makes the instance's pending timer (a Delay, a wait's timeout, a nudge) due now, so the designer need not wait
    /// hours to see what happens next. Only a waiting instance with a timer can be fast-forwarded.
    /// </summary>
    public async Task FastForwardAsync(string businessId, string runId, CancellationToken cancellationToken)
    {
        var record = await GetRecordAsync(businessId, runId, cancellationToken);
        if (record.EndedAt is not null || record.InstanceId is not { } instanceId)
        {
            throw new InstanceStateException(record.EndedAt is not null ? "The test run has ended." : "The test run has not started yet: send the first message.");
        }

        await KeepAliveAsync(record, cancellationToken);

        var moved = await engine.WriteAsync(async scope =>
        {
            var now = clock.GetUtcNow();
            var wait = await scope.Connection.QuerySingleOrDefaultAsync<string?>(scope.Command(
                "SELECT wait FROM flow_instances WHERE id = @Id AND status = 'Waiting' AND wake_at IS NOT NULL", new { Id = instanceId }));
            if (wait is null)
            {
                return false;
            }

            // The worker checks the wait's own due time before resuming on a timer, so both must say "now".
            var parsed = JsonSerializer.Deserialize<HaloAgent.Engine.Activities.Wait>(wait, WaitJson)!;
            var due = parsed with { WakeAt = now };
            var ms = now.ToUnixTimeMilliseconds();
            return await scope.Connection.ExecuteAsync(scope.Command("""
                UPDATE flow_instances SET wait = @Wait, wake_at = @Now, row_version = row_version + 1, updated_at = @Now
                WHERE id = @Id AND status = 'Waiting' AND wake_at IS NOT NULL AND (lease_until IS NULL OR lease_until < @Now)
                """, new { Wait = JsonSerializer.Serialize(due, WaitJson), Now = ms, Id = instanceId })) == 1;
        }, cancellationToken);
        if (!moved)
        {
            throw new InstanceStateException("Nothing to fast-forward: the flow is not waiting on a timer.");
        }

        signal.Notify();
    }

    /// <summary>
    /// Ends the run: it takes no more messages, and its sandbox (flow, instance, contact, orders, messages) is deleted,
    /// now or, when its instance is in the middle of a step, by the next sweep. The ended run stays readable.
    /// Ending it again is harmless.
    /// </summary>
    public async Task EndAsync(string businessId, string runId, CancellationToken cancellationToken)
    {
        var record = await GetRecordAsync(businessId, runId, cancellationToken);
        if (await cleanup.EndAsync(record.Id, cancellationToken))
        {
            logger.LogInformation("Test run {RunId} of {FlowId} ended", runId, record.FlowId);
        }
    }

    /// <summary>
    /// An event for a sandbox contact (from the inbox or from the run's own steps): it starts the run's instance when it
    /// is the event the draft starts on, resumes the instance when it waits for it, and is dropped otherwise — it never
    /// reaches another flow. A customer message that arrives while the instance is still busy is refused with
    /// <see cref="TestRunBusyException"/>, so the inbox delivers it again shortly, as it would reach a real wait.
    /// </summary>
    public async Task DeliverAsync(TestRunRecord run, string name, object? payload, string eventId, CancellationToken cancellationToken)
    {
        if (run.EndedAt is not null)
        {
            logger.LogDebug("Event {Event} for ended test run {RunId} dropped", name, run.Id);
            return;
        }

        if (run.InstanceId is null)
        {
            if (name == run.StartEvent && !await StartInstanceAsync(run, payload, $"testrun:{run.Id}", cancellationToken) && IsCustomerMessage(name))
            {
                // Another message started it a moment ago: this one is for the instance, once it waits.
                throw new TestRunBusyException(run.Id);
            }

            return;
        }

        var summary = (await instances.GetAsync(run.Tenant, run.InstanceId, cancellationToken)).Summary;
        var waitingFor = summary.Status == InstanceStatus.Waiting
            && await engine.ReadAsync((db, ct) => db.Bookmarks.AnyAsync(b => b.InstanceId == run.InstanceId && b.EventName == name && b.ResumedEventId == null, ct), cancellationToken);
        if (waitingFor)
        {
            try
            {
                await runtime.RaiseForInstanceAsync(run.Tenant, run.InstanceId, name, payload, cancellationToken);
                return;
            }
            catch (InstanceStateException) when (IsCustomerMessage(name))
            {
                throw new TestRunBusyException(run.Id);
            }
        }

        if (IsCustomerMessage(name) && summary.Status == InstanceStatus.Running)
        {
            throw new TestRunBusyException(run.Id);
        }

        logger.LogDebug("Event {Event} for test run {RunId} dropped: its instance is {Status} and not waiting for it", name, run.Id, summary.Status);
    }

    /// <returns>False when the instance had already been started (the start key makes starting idempotent).</returns>
    private async Task<bool> StartInstanceAsync(TestRunRecord run, object? input, string startKey, CancellationToken cancellationToken)
    {
        var started = await runtime.StartAsync(run.Tenant, run.SandboxFlowId, new StartRequest
        {
            StartNodeId = run.StartNodeId,
            CorrelationKey = run.ContactId,
            Input = input,
            StartKey = startKey,
        }, cancellationToken);
        run.InstanceId = started.InstanceId;
        await using var db = await runs.CreateDbContextAsync(cancellationToken);
        await db.TestRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.InstanceId, started.InstanceId), cancellationToken);
        return started.Started;
    }

    private static bool IsCustomerMessage(string name) => name is EventNames.MessageReceived or EventNames.MessageControl or EventNames.MessagePaused;

    /// <summary>What <c>contact.created</c> carries (see AgentInboundHandler), for drafts that start on other events.</summary>
    private static Dictionary<string, object?> ContactPayload(ContactInfo contact) => new(StringComparer.Ordinal)
    {
        ["id"] = contact.Id,
        ["contactId"] = contact.Id,
        ["name"] = contact.Name,
        ["language"] = contact.PreferredLanguage,
        ["new"] = true,
        ["channel"] = ChannelNames.WebChat,
        ["testRun"] = true,
    };

    private static readonly JsonSerializerOptions WaitJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}

public sealed record TestRunView(
    string RunId,
    string FlowId,
    string SandboxFlowId,
    string ContactKey,
    string Status,
    string? InstanceId,
    string? CurrentNodeId,
    DateTimeOffset? TimerDueAt,
    IReadOnlyList<string> WaitingFor,
    string? Incident,
    IReadOnlyList<ConversationEntry> Messages,
    System.Text.Json.Nodes.JsonArray Journal,
    TestRunHandOver? HandOver);

public sealed class TestRunNotFoundException(string runId) : Exception($"There is no test run '{runId}' in your business.");

/// <summary>The run's instance is still working on the previous message; the inbox retries the new one shortly.</summary>
public sealed class TestRunBusyException(string runId) : Exception($"Test run {runId} is still busy with the previous message.");
