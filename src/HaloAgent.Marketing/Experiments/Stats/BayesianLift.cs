using MathNet.Numerics.Distributions;

namespace HaloAgent.Marketing.Experiments.Stats;

/// <summary>
/// Bayesian reading of a relative lift: a proper normal prior N(0, 0.3²) (lifts beyond ±60 % are rare, so small
/// early samples are pulled towards "no difference"), combined with the normal likelihood of the delta-method estimate
/// by precision weighting. Chance to win = P(lift &gt; 0 | data); risk = the expected relative loss of choosing a side
/// when it is in fact worse (E[max(0, −X)] for the treatment, E[max(0, X)] for the control).
/// </summary>
public static class BayesianLift
{
    public const double PriorMean = 0;

    public const double PriorStandardDeviation = 0.3;

    public sealed record Result(
        double PosteriorMean, double PosteriorStandardDeviation, double ChanceToWin, double RiskTreatment, double RiskControl, Interval CredibleInterval);

    public static Result Of(RelativeLift lift, double priorStandardDeviation = PriorStandardDeviation)
    {
        var priorPrecision = 1 / (priorStandardDeviation * priorStandardDeviation);
        var dataPrecision = 1 / lift.Variance;
        var precision = priorPrecision + dataPrecision;
        var mean = (PriorMean * priorPrecision + lift.Estimate * dataPrecision) / precision;
        var sd = Math.Sqrt(1 / precision);

        var z = mean / sd;
        var chance = Normal.CDF(0, 1, z);
        var density = Normal.PDF(0, 1, z);
        // X ~ N(m, s²): E[max(0, −X)] = s·φ(m/s) − m·Φ(−m/s); E[max(0, X)] = s·φ(m/s) + m·Φ(m/s).
        var riskTreatment = sd * density - mean * (1 - chance);
        var riskControl = sd * density + mean * chance;
        var z95 = Normal.InvCDF(0, 1, 0.975);
        return new Result(mean, sd, chance, riskTreatment, riskControl, new Interval(mean - z95 * sd, mean + z95 * sd));
    }
}
