namespace HaloAgent.Engine.Activities;

/// <summary>What the designer and the validator know about an activity type.</summary>
public sealed record ActivityDescriptor
{
    public required string Type { get; init; }

    public required string DisplayName { get; init; }

    public required string Category { get; init; }

    public string Description { get; init; } = "";

    public IReadOnlyList<InputDescriptor> Inputs { get; init; } = [];

    public IReadOnlyList<OutputDescriptor> Outputs { get; init; } = [];

    /// <summary>Static outcomes; activities with <see cref="DynamicOutcomes"/> derive theirs from inputs.</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = [Definitions.Outcomes.Done];

    public bool DynamicOutcomes { get; init; }

    /// <summary>Entry point of a flow; carries its trigger.</summary>
    public bool IsStart { get; init; }

    /// <summary>May suspend the instance (a loop through it is not a busy loop).</summary>
    public bool MaySuspend { get; init; }

    public bool IsTerminal { get; init; }
}
