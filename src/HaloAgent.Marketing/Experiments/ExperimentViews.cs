using HaloAgent.Marketing.Experiments.Stats;

namespace HaloAgent.Marketing.Experiments;

/// <summary>An experiment in the list: where it is, its state and the verdict so far.</summary>
public sealed record ExperimentSummary(
    string Id, string FlowId, string FlowName, string NodeId, string? Label, string Status, bool FlowPublished,
    IReadOnlyList<string> Variants, long Exposed, Verdict Verdict, bool SampleRatioMismatch);

/// <summary>One variant side by side with the others: weight (and its share), funnel, conversion rate with its 95 % Wilson interval, and the comparison with the control.</summary>
public sealed record ExperimentVariantView(
    string Name, double Weight, double Share, string? Target, bool Control,
    long Exposed, long Delivered, long Read, long Replied, long Converted, long RevenueKobo,
    double ConversionRate, Interval ConversionInterval, Comparison? VsControl);

public sealed record ExperimentRulesView(long MinimumExposed, long MinimumConversions, double GoalWindowDays, double ChanceToWin, double SequentialTuning);

/// <summary>The whole experiment: variants, statistics, verdict, sample-ratio check and what the owner did.</summary>
public sealed record ExperimentView(
    string Id, string FlowId, string FlowName, string NodeId, string? Label, string Status, bool FlowPublished, int? FlowVersion,
    IReadOnlyList<ExperimentVariantView> Variants, SampleRatio.Result SampleRatio, bool MinimumSampleReached, Verdict Verdict,
    ExperimentRulesView Rules, DateTimeOffset? StoppedAt, string? Winner, int? PromotedVersion)
{
    public ExperimentSummary Summary() => new(
        Id, FlowId, FlowName, NodeId, Label, Status, FlowPublished, Variants.Select(v => v.Name).ToList(), Variants.Sum(v => v.Exposed),
        Verdict, SampleRatio.Mismatch);
}

/// <summary>A refused action, with what is wrong (the API answers 409 with it as the title; nothing was changed).</summary>
public sealed class ExperimentConflictException(string message) : Exception(message);

/// <summary>Bad input for an action, by field (the API answers 400 with it).</summary>
public sealed class ExperimentInputException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
