using System.Globalization;
using HaloAgent.Platform.Money;

namespace HaloAgent.Payments.Receipts;

/// <summary>
/// A business's opt-in: "confirm receipts automatically when they score at least <see cref="MinScore"/>, for orders
/// up to <see cref="MaxAmountKobo"/>". Off by default; screenshots can be forged, so the cap limits what a forgery can
/// take. Pure: the caller records the decision and its reason with the order.
/// </summary>
public sealed record ReceiptAutoConfirmPolicy(bool Enabled, double MinScore, long MaxAmountKobo)
{
    public static ReceiptAutoConfirmPolicy Off { get; } = new(false, 1, 0);

    public AutoConfirmDecision Decide(ReceiptAssessment assessment, long orderAmountKobo)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (!Enabled)
        {
            return new(false, "Automatic confirmation from receipts is off for this business.");
        }

        if (assessment.Verdict != ReceiptVerdict.LikelyMatch || assessment.HasRedFlags)
        {
            return new(false, $"The receipt is not a clean match ({assessment.Verdict}).");
        }

        if (!assessment.Has(ReceiptReasonCode.AmountMatches))
        {
            return new(false, "The receipt's amount was not confirmed.");
        }

        if (orderAmountKobo > MaxAmountKobo)
        {
            return new(false, $"The order total {Naira.Format(orderAmountKobo)} is above the automatic limit of {Naira.Format(MaxAmountKobo)}.");
        }

        if (assessment.Score < MinScore)
        {
            return new(false, string.Create(CultureInfo.InvariantCulture, $"The receipt scores {assessment.Score:0.00}, below the automatic threshold of {MinScore:0.00}."));
        }

        return new(true, string.Create(CultureInfo.InvariantCulture, $"Score {assessment.Score:0.00} ≥ {MinScore:0.00} and total {Naira.Format(orderAmountKobo)} ≤ {Naira.Format(MaxAmountKobo)}."));
    }
}
