using HaloAgent.Marketing.Experiments.Stats;

namespace HaloAgent.Marketing.Experiments;

/// <summary>Experiment rules (<c>HaloAgent:Marketing:Experiments</c>).</summary>
public sealed class ExperimentOptions
{
    public const string Section = "HaloAgent:Marketing:Experiments";

    /// <summary>Exposed contacts every variant needs before any verdict (besides 5 conversions and 5 non-conversions).</summary>
    public long MinimumExposed { get; set; } = AnalysisRules.DefaultMinimumExposed;

    /// <summary>A bought order within this long after a contact's exposure is a conversion (the goal).</summary>
    public TimeSpan GoalWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The Bayesian chance to beat the control a winner needs.</summary>
    public double ChanceToWin { get; set; } = 0.95;

    /// <summary>Where the always-valid interval is tightest: about the total exposed contacts expected (see <see cref="SequentialLift"/>).</summary>
    public double SequentialTuning { get; set; } = SequentialLift.DefaultTuning;
}
