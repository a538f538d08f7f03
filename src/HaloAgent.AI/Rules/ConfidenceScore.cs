namespace HaloAgent.AI.Rules;

/// <summary>
/// How sure the rules are: mostly how much of the message they explained, then whether a phrase said the intent
/// (rather than it being inferred from entities) and whether the answer fits what the agent asked.
/// </summary>
/// <remarks>Flows hand over to a human on low confidence, so an unexplained message must score low.</remarks>
internal static class ConfidenceScore
{
    public static double For(Resolution resolution, MessageAnalysis analysis, string? awaitingSlot, Fulfilment? fulfilment)
    {
        var coverage = analysis.Coverage();
        if (resolution.Intent == Intent.Unknown)
        {
            return Round(0.05 + 0.15 * coverage);
        }

        var confidence = resolution.Inferred ? 0.35 + 0.3 * coverage : 0.55 + 0.35 * coverage;
        if (Corroborated(resolution.Intent, analysis, awaitingSlot?.Trim().ToLowerInvariant(), fulfilment))
        {
            confidence += 0.08;
        }

        if (resolution.FuzzyOnly)
        {
            confidence *= 0.85;
        }

        return Round(Math.Clamp(confidence, 0, 0.98));
    }

    private static bool Corroborated(Intent intent, MessageAnalysis analysis, string? slot, Fulfilment? fulfilment) => intent switch
    {
        Intent.Order or Intent.Add or Intent.Remove or Intent.Price or Intent.Availability or Intent.Details => analysis.Products.Count > 0
            || (slot == Slots.Address && analysis.Address is not null)
            || (slot == Slots.Fulfilment && fulfilment is not null),
        Intent.Quantity => analysis.Numbers.Count > 0 && slot == Slots.Quantity,
        Intent.Confirm or Intent.Decline => slot == Slots.Confirm,
        _ => false,
    };

    private static double Round(double value) => Math.Round(value, 2);
}
