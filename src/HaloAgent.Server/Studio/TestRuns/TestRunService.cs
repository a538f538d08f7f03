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
    ConversationHistory history,
    TimeProvider clock,
    ILogger<TestRunService> logger)
{
    private const int TranscriptLength = 200;

    public sealed record Created(string RunId, string ContactKey, string SandboxFlowId, string? InstanceId);

    /// <summary>
    /// Starts a run of <paramref name="definition"/> (the editor's unsaved document) or, without it, of the flow's saved
    /// draft (its latest version when it has none). Invalid documents are refused like a publish is (422).
    /// </summary>
    public async Task<Created> CreateAsync(string businessId, string actor, string flowId, FlowDefinition? definition, string? contactName, string? language, CancellationToken cancellationToken)
    {
        var tenant = TenantScope.Of(businessId);
        var draft = definition ?? (await store.GetVersionAsync(tenant, flowId, null, cancellationToken)).Definition;
        var errors = compiler.Validate(draft with { Id = flowId });
        if (errors.Count > 0)
        {
            throw new FlowValidationException(errors);
        }

        var runId = TestRunIds.NewRunId();
        var plan = SandboxDefinition.Create(draft with { Id = flowId }, TestRunIds.SandboxFlowId(flowId, runId));
        await store.ImportAsync(tenant, plan.Sandbox, publish: true, cancellationToken);

        var contactKey = TestRunIds.ContactKey(runId);
        var name = string.IsNullOrWhiteSpace(contactName) ? "Test customer" : contactName.Trim();
        var contact = (await contacts.UpsertFromInboundAsync(businessId, contactKey, name, null, ChannelNames.WebChat, cancellationToken)).Contact;
        if (!string.IsNullOrWhiteSpace(language) && !await contacts.SetLanguageAsync(contact.Id, language.Trim(), cancellationToken))
        {
            throw new FormatException($"'{language}' is not a language the agent speaks: use en, pcm, yo, ig or ha.");
        }

        // The run row exists before anything is published for the contact, so every event of theirs is recognised.
        var record = new TestRunRecord
        {
            Id = runId,
            BusinessId = businessId,
            FlowId = flowId,
            SandboxFlowId = plan.Sandbox.Id,
            ContactId = contact.Id,
            ContactKey = contactKey,
            StartNodeId = plan.StartNodeId,
            StartEvent = plan.StartEvent,
            CreatedBy = actor,
            CreatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        await using (var db = await runs.CreateDbContextAsync(cancellationToken))
        {
            db.TestRuns.Add(record);
            await db.SaveChangesAsync(cancellationToken);
        }

        // A flow started by a customer's message waits for the first one; any other starts now, as if its trigger fired.
        if (plan.StartEvent != Agent.Inbound.AgentInboundHandler.MessageReceived)
        {
            var refreshed = await contacts.GetAsync(contact.Id, cancellationToken) ?? contact;
            await StartInstanceAsync(record, ContactPayload(refreshed), $"testrun:{runId}", cancellationToken);
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

    public async Task<TestRunView> GetAsync(string businessId, string runId, CancellationToken cancellationToken)
    {
        var record = await GetRecordAsync(businessId, runId, cancellationToken);
        var messages = await history.GetAsync(businessId, record.ContactKey, TranscriptLength, cancellationToken);
        InstanceDetails? details = record.InstanceId is { } id ? await instances.GetAsync(TenantScope.Of(businessId), id, cancellationToken) : null;
        var status = record.EndedAt is not null ? "Ended"
            : details is null ? "NotStarted"
            : details.Summary.Status.ToString();
        return new TestRunView(
            record.Id,
            record.FlowId,
            record.SandboxFlowId,
            record.ContactKey,
            status,
            record.InstanceId,
            details?.Summary.CurrentNodeId ?? (details is null ? record.StartNodeId : null),
            details?.Summary.WakeAt is { } wake && details.Summary.Status == InstanceStatus.Waiting && details.Wait?.WakeAt is not null ? wake : null,
            details?.Bookmarks.Where(b => !b.Resumed).Select(b => b.EventName).Distinct().ToList() ?? (record.StartEvent is { } e ? [e] : []),
            details?.Incident?.Message,
            messages,
            details?.Journal ?? []);
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

    /// <summary>Ends the run: its instance is cancelled and its hidden flow retracted (a finished run is kept for reading).</summary>
    public async Task EndAsync(string businessId, string runId, CancellationToken cancellationToken)
    {
        var record = await GetRecordAsync(businessId, runId, cancellationToken);
        if (record.EndedAt is not null)
        {
            return;
        }

        await using (var db = await runs.CreateDbContextAsync(cancellationToken))
        {
            await db.TestRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.EndedAt, clock.GetUtcNow().ToUnixTimeMilliseconds()), cancellationToken);
        }

        if (record.InstanceId is { } instanceId)
        {
            try
            {
                await runtime.CancelAsync(TenantScope.Of(businessId), instanceId, cancellationToken);
            }
            catch (InstanceStateException)
            {
                // already finished
            }
        }

        try
        {
            await store.RetractAsync(TenantScope.Of(businessId), record.SandboxFlowId, cancellationToken);
        }
        catch (FlowConflictException)
        {
            // already retracted
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

        var summary = (await instances.GetAsync(TenantScope.Of(run.BusinessId), run.InstanceId, cancellationToken)).Summary;
        var waitingFor = summary.Status == InstanceStatus.Waiting
            && await engine.ReadAsync((db, ct) => db.Bookmarks.AnyAsync(b => b.InstanceId == run.InstanceId && b.EventName == name && b.ResumedEventId == null, ct), cancellationToken);
        if (waitingFor)
        {
            try
            {
                await runtime.RaiseForInstanceAsync(TenantScope.Of(run.BusinessId), run.InstanceId, name, payload, cancellationToken);
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
        var started = await runtime.StartAsync(TenantScope.Of(run.BusinessId), run.SandboxFlowId, new StartRequest
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

    private static bool IsCustomerMessage(string name) => name is Agent.Inbound.AgentInboundHandler.MessageReceived
        or Agent.Inbound.AgentInboundHandler.MessageControl or Agent.Inbound.AgentInboundHandler.MessagePaused;

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
    System.Text.Json.Nodes.JsonArray Journal);

public sealed class TestRunNotFoundException(string runId) : Exception($"There is no test run '{runId}' in your business.");

/// <summary>The run's instance is still working on the previous message; the inbox retries the new one shortly.</summary>
public sealed class TestRunBusyException(string runId) : Exception($"Test run {runId} is still busy with the previous message.");
