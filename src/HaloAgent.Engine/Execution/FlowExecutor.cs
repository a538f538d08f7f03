using System.Diagnostics;
using HaloAgent.Engine.Activities;
using ActivityContext = HaloAgent.Engine.Activities.ActivityContext;
using HaloAgent.Engine.Templates;
using HaloAgent.Engine.Values;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace HaloAgent.Engine.Execution;

/// <summary>
/// Runs an instance from its current boundary until it suspends, completes or faults. Pure with respect to storage:
/// the caller loads the state, and persists the state and the journal this returns in one transaction.
/// </summary>
public sealed class FlowExecutor(
    TemplateEngine templates, TimeProvider clock, IOptions<EngineLimits> options, IEnumerable<ITransientFailureClassifier> transientFailures, ILogger<FlowExecutor> logger)
{
    private readonly EngineLimits _limits = options.Value;
    private readonly TransientStepRetry _transient = new(transientFailures, options.Value, clock, logger);

    /// <summary>Validation forbids loops without a wait; this guards a run against anything it missed.</summary>
    public const int MaxStepsPerRun = 10_000;

    /// <summary>The incident's error type when an instance spent its step budget (<see cref="EngineLimits.MaxStepsPerWindow"/>).</summary>
    public const string StepBudgetExceeded = "StepBudgetExceeded";

    /// <param name="signal">Required when the instance is Waiting: the event or timer that resumes it.</param>
    public async Task<RunResult> RunAsync(CompiledFlow flow, FlowInstanceState state, ResumeSignal? signal, CancellationToken cancellationToken)
    {
        var journal = new List<JournalEntry>();
        var writes = new List<StepWrite>();
        var scope = new ExpressionScope(flow, state, templates, clock);
        if (state.Status.IsFinished() || state.CurrentNodeId is null)
        {
            throw new InvalidOperationException($"Instance {state.Id} is {state.Status}; only a running, waiting or faulted instance can run.");
        }

        // Retrying a faulted step reuses its idempotency key: if the failure hid a success (a timeout after the
        // provider accepted a send), the effect is not repeated.
        long? retryOf = state.Status == InstanceStatus.Faulted ? state.Incident?.Sequence : null;
        if (state.Status == InstanceStatus.Faulted)
        {
            state.Budget.Reset(); // a person looked at it and retried: a fresh window
        }

        if (state.Status == InstanceStatus.Faulted && state.Incident?.ResumedBy is { } resumedBy)
        {
            state.Status = InstanceStatus.Waiting;
            signal = resumedBy == Incident.TimerResume ? ResumeSignal.Timer : ResumeSignal.Event(resumedBy, state.Event);
        }

        var resuming = state.Status == InstanceStatus.Waiting;
        if (resuming)
        {
            ArgumentNullException.ThrowIfNull(signal);
            if (!signal.IsTimer)
            {
                state.Event = signal.Payload;
                scope.Event = signal.Payload;
            }
        }

        state.Status = InstanceStatus.Running;
        state.Wait = null;
        state.Incident = null;
        for (var steps = 0; ; steps++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var nodeId = state.CurrentNodeId!;
            if (steps >= MaxStepsPerRun)
            {
                Fault(state, journal, nodeId, flow, $"The run exceeded {MaxStepsPerRun} steps without waiting; is there a loop?", null, 1);
                break;
            }

            if (!state.Budget.TryTake(clock.GetUtcNow(), _limits))
            {
                logger.LogWarning("Instance {InstanceId} of {FlowId} ran {Steps} steps within {Window}; stopped with an incident", state.Id, state.FlowId, _limits.MaxStepsPerWindow, _limits.StepWindow);
                Fault(state, journal, nodeId, flow,
                    $"The instance ran {_limits.MaxStepsPerWindow} steps within {_limits.StepWindow} (HaloAgent:Engine:Limits:MaxStepsPerWindow) and was stopped: a loop that runs too often? Retry it to continue.",
                    null, 0, StepBudgetExceeded);

                // Stopped before it could take the event (or timer) that woke it: a retry delivers that again.
                if (resuming && signal is not null)
                {
                    state.Incident = state.Incident! with { ResumedBy = signal.EventName ?? Incident.TimerResume };
                }

                break;
            }

            var step = await RunStepAsync(flow, state, scope, nodeId, resuming ? signal : null, retryOf, writes, cancellationToken);
            resuming = false;
            retryOf = null;
            journal.Add(step.Entry);
            switch (step.Result)
            {
                case OutcomeResult outcome:
                    state.NodeOutputs[nodeId] = outcome.Output;
                    var next = flow.Next(nodeId, outcome.Name);
                    if (next is null)
                    {
                        state.Status = InstanceStatus.Completed;
                        return new RunResult(state, journal) { Writes = writes };
                    }

                    state.CurrentNodeId = next;
                    continue;
                case SuspendResult suspend:
                    state.Status = InstanceStatus.Waiting;
                    state.Wait = suspend.Wait;
                    return new RunResult(state, journal) { Writes = writes };
                case CompleteResult complete:
                    state.NodeOutputs[nodeId] = complete.Output;
                    state.Status = InstanceStatus.Completed;
                    return new RunResult(state, journal) { Writes = writes };
                case null:
                    state.Status = InstanceStatus.Faulted;
                    return new RunResult(state, journal) { Writes = writes };
            }
        }

        return new RunResult(state, journal) { Writes = writes };
    }

    private async Task<(ActivityResult? Result, JournalEntry Entry)> RunStepAsync(
        CompiledFlow flow, FlowInstanceState state, ExpressionScope scope, string nodeId, ResumeSignal? signal, long? keySequence, List<StepWrite> writes, CancellationToken cancellationToken)
    {
        var node = flow.Node(nodeId);
        var activity = flow.Activity(nodeId);
        var sequence = ++state.Sequence;
        var startedAt = clock.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        var attempts = 0;
        IReadOnlyDictionary<string, object?>? inputs = null;
        try
        {
            var result = await flow.RetryPipeline(nodeId).ExecuteAsync(
                _transient.Around(async token =>
                {
                    attempts++;
                    inputs = InputEvaluator.Evaluate(node, activity.Descriptor, scope);
                    var context = new ActivityContext(node, scope, inputs, keySequence ?? sequence, attempts, flow.IsOnLoop(nodeId) ? _limits.MinLoopWait : null);
                    var outcome = signal is null
                        ? await activity.ExecuteAsync(context, token)
                        : await activity.ResumeAsync(context, signal, token);
                    writes.AddRange(context.Writes); // only a successful attempt's writes count
                    return outcome;
                }),
                cancellationToken);

            return (result, new JournalEntry
            {
                Sequence = sequence,
                NodeId = nodeId,
                ActivityType = node.Type,
                Kind = result is SuspendResult ? "suspended" : signal is null ? "executed" : "resumed",
                Inputs = CloneInputs(inputs),
                Outcome = result switch
                {
                    OutcomeResult o => o.Name,
                    CompleteResult => "Completed",
                    _ => null,
                },
                Output = result switch
                {
                    OutcomeResult o => PlainValue.Clone(o.Output),
                    CompleteResult c => PlainValue.Clone(c.Output),
                    _ => null,
                },
                Attempts = attempts,
                StartedAt = startedAt,
                DurationMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            });
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Node {NodeId} ({Type}) of instance {InstanceId} failed after {Attempts} attempt(s)", nodeId, node.Type, state.Id, attempts);
            state.Incident = new Incident(nodeId, ex.Message, ex.GetType().Name, attempts, clock.GetUtcNow(), keySequence ?? sequence)
            {
                ResumedBy = signal is null ? null : signal.EventName ?? Incident.TimerResume,
            };
            return (null, new JournalEntry
            {
                Sequence = sequence,
                NodeId = nodeId,
                ActivityType = node.Type,
                Kind = "faulted",
                Inputs = CloneInputs(inputs),
                Error = ex.Message,
                Attempts = attempts,
                StartedAt = startedAt,
                DurationMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            });
        }
    }

    /// <summary>The journal keeps what the step saw, even if a later step changes a shared object in place.</summary>
    private static IReadOnlyDictionary<string, object?>? CloneInputs(IReadOnlyDictionary<string, object?>? inputs) =>
        inputs?.ToDictionary(kv => kv.Key, kv => PlainValue.Clone(kv.Value), StringComparer.Ordinal);

    private void Fault(FlowInstanceState state, List<JournalEntry> journal, string nodeId, CompiledFlow flow, string message, Exception? ex, int attempts, string? errorType = null)
    {
        state.Status = InstanceStatus.Faulted;
        state.Incident = new Incident(nodeId, message, errorType ?? ex?.GetType().Name, attempts, clock.GetUtcNow(), state.Sequence + 1);
        journal.Add(new JournalEntry
        {
            Sequence = ++state.Sequence,
            NodeId = nodeId,
            ActivityType = flow.Node(nodeId).Type,
            Kind = "faulted",
            Error = message,
            Attempts = attempts,
            StartedAt = clock.GetUtcNow(),
        });
    }
}
