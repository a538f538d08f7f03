namespace HaloAgent.Engine;

/// <summary>
/// Bounds on what one flow document, template or instance may cost, so that no request and no flow can take a node
/// down or run unbounded. Bound from <c>HaloAgent:Engine:Limits</c>; the defaults suit a small business's flows
/// (the shipped ones use a few dozen nodes).
/// </summary>
public sealed class EngineLimits
{
    public const string Section = "HaloAgent:Engine:Limits";

    /// <summary>Most nodes a flow may have (answered with 422 beyond it).</summary>
    public int MaxNodes { get; set; } = 2_000;

    /// <summary>Most edges a flow may have (answered with 422 beyond it).</summary>
    public int MaxEdges { get; set; } = 4_000;

    /// <summary>Largest flow document accepted, in bytes of UTF-8 JSON (answered with 413 beyond it).</summary>
    public int MaxDocumentBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Every loop must pass a Wait for event or a Delay of at least this long; a computed Delay (or timeout) inside a
    /// loop is raised to it at run time.
    /// </summary>
    public TimeSpan MinLoopWait { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Most steps one instance may run within <see cref="StepWindow"/>; beyond it the instance faults with an incident.</summary>
    public int MaxStepsPerWindow { get; set; } = 1_000;

    public TimeSpan StepWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest template source, in characters.</summary>
    public int MaxTemplateLength { get; set; } = 20_000;

    /// <summary>Deepest nesting of blocks (<c>{{#if}}</c>, <c>{{#each}}</c>, …) and subexpressions in one template.</summary>
    public int MaxTemplateDepth { get; set; } = 16;

    /// <summary>Deepest nesting of <c>{{#each}}</c> blocks: iteration is the one cost that writes nothing to measure.</summary>
    public int MaxTemplateEachDepth { get; set; } = 3;

    /// <summary>Longest text one render may produce, in characters.</summary>
    public int MaxRenderedLength { get; set; } = 256 * 1024;

    /// <summary>CPU time one render may take; a render over it fails (the step faults with a clear error).</summary>
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a step that fails transiently (its database restarting, its session cut, SQLite busy: see
    /// <see cref="Execution.ITransientFailureClassifier"/>) keeps being retried in place before the failure counts: long
    /// enough to cover a PostgreSQL restart or failover. 0 turns the retry off.
    /// </summary>
    public TimeSpan TransientRetryBudget { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Wait before the first transient retry; it doubles (with jitter) up to <see cref="TransientRetryMaxDelay"/>.</summary>
    public TimeSpan TransientRetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan TransientRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);
}
