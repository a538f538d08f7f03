namespace HaloAgent.AI.Rules;

/// <summary>Weighs the intent phrases found against each other and against what the agent was waiting for.</summary>
internal static class IntentResolver
{
    /// <summary>Intents that ask for something; on equal evidence the earlier one wins ("I want jollof, how much?" asks a price).</summary>
    /// <remarks>
    /// A question about a dish (price, availability, details) outranks ordering it on equal evidence: asking is cheap to
    /// answer, and an order nobody meant overcharges the customer.
    /// </remarks>
    private static readonly Intent[] Requests =
    [
        Intent.Human, Intent.Cancel, Intent.Paid, Intent.Status, Intent.Reorder, Intent.Remove, Intent.Add, Intent.Price,
        Intent.Availability, Intent.Details, Intent.Quantity, Intent.Order, Intent.Checkout, Intent.Cart, Intent.Browse,
    ];

    /// <summary>Questions that only make sense about a dish: without one they say nothing ("is there delivery?").</summary>
    private static readonly HashSet<Intent> DishQuestions = [Intent.Availability, Intent.Details];

    /// <summary>
    /// A dish followed by one of these at the end of the message asks whether it is there: Pidgin "jollof dey?",
    /// Yoruba "jollof wà?", Igbo "jollof ọ dị?" (folded "di"), Hausa "jollof akwai?".
    /// </summary>
    private static readonly HashSet<string> TrailingAvailability = new(StringComparer.Ordinal) { "dey", "de", "wa", "di", "akwai", "remain" };

    /// <summary>Requests a bare number cannot be the answer to, even when the agent asked "how many?".</summary>
    private static readonly HashSet<Intent> NotAQuantityAnswer =
        [Intent.Human, Intent.Cancel, Intent.Paid, Intent.Status, Intent.Remove, Intent.Price, Intent.Browse, Intent.Availability,
         Intent.Details, Intent.Cart, Intent.Checkout, Intent.Reorder];

    /// <summary>Requests that mean the message is not an address, even when the agent asked for one.</summary>
    private static readonly HashSet<Intent> NotAnAddress =
        [Intent.Human, Intent.Cancel, Intent.Paid, Intent.Status, Intent.Remove, Intent.Price, Intent.Browse, Intent.Add,
         Intent.Confirm, Intent.Decline, Intent.Greet, Intent.Smalltalk, Intent.Availability, Intent.Details, Intent.Cart,
         Intent.Checkout, Intent.Reorder];

    public static Resolution Resolve(MessageAnalysis analysis, string? awaitingSlot, Fulfilment? fulfilment)
    {
        var scores = new Dictionary<Intent, double>();
        var fuzzyOnly = new Dictionary<Intent, bool>();
        var aboutADish = analysis.Products.Count > 0 || analysis.UnknownProducts.Count > 0;
        foreach (var hit in analysis.IntentHits)
        {
            var intent = hit.Phrase.Intent;
            if (DishQuestions.Contains(intent) && !aboutADish)
            {
                continue;
            }

            // "make am", "change it to" correct a number; without one ("change am to delivery") they correct something else.
            if (intent == Intent.Quantity && analysis.Numbers.Count == 0)
            {
                continue;
            }

            scores[intent] = scores.GetValueOrDefault(intent) + hit.Weight;
            fuzzyOnly[intent] = fuzzyOnly.GetValueOrDefault(intent, true) && hit.Fuzzy;
        }

        if (analysis.Products.Count > 0 && scores.Count == 0 && EndsWithAvailabilityWord(analysis))
        {
            scores[Intent.Availability] = 1;
            fuzzyOnly[Intent.Availability] = false;
        }

        var affirmative = (scores.GetValueOrDefault(Intent.Confirm), scores.GetValueOrDefault(Intent.Decline)) switch
        {
            (0, 0) => (bool?)null,
            var (confirm, decline) when confirm > decline => true,
            var (confirm, decline) when decline > confirm => false,
            _ => null,
        };

        // Opting out is honoured before anything else the message says; it is also the cheapest to undo (START).
        if (scores.ContainsKey(Intent.Stop) || scores.ContainsKey(Intent.Start))
        {
            var intent = scores.GetValueOrDefault(Intent.Start) > scores.GetValueOrDefault(Intent.Stop) ? Intent.Start : Intent.Stop;
            return new Resolution(intent, Inferred: false, fuzzyOnly[intent], affirmative);
        }

        var hasNumber = analysis.Numbers.Count > 0;
        var slot = awaitingSlot?.Trim().ToLowerInvariant();
        if (slot == Slots.Quantity && hasNumber && !scores.Keys.Any(NotAQuantityAnswer.Contains))
        {
            return new Resolution(Intent.Quantity, Inferred: !scores.ContainsKey(Intent.Quantity), false, affirmative);
        }

        var request = Requests
            .Where(scores.ContainsKey)
            .Select((intent, rank) => (intent, rank, score: scores[intent]))
            .OrderByDescending(x => x.score)
            .ThenBy(x => x.rank)
            .Select(x => (Intent?)x.intent)
            .FirstOrDefault();

        if (request is { } found)
        {
            // "I no want" / "mi ò fẹ́" answering "shall I place the order?" is a no, not a removal.
            if (found == Intent.Remove && analysis.Products.Count == 0 && slot == Slots.Confirm)
            {
                return new Resolution(Intent.Decline, Inferred: false, fuzzyOnly[found], false);
            }

            // "That's all" / "shikenan" answering "shall I place the order?" is a yes.
            if (found == Intent.Checkout && slot == Slots.Confirm)
            {
                return new Resolution(Intent.Confirm, Inferred: false, fuzzyOnly[found], true);
            }

            return new Resolution(found, Inferred: false, fuzzyOnly[found], affirmative);
        }

        if (analysis.Products.Count > 0)
        {
            return new Resolution(Intent.Order, Inferred: true, false, affirmative);
        }

        if (affirmative is { } yes)
        {
            var intent = yes ? Intent.Confirm : Intent.Decline;
            return new Resolution(intent, Inferred: false, fuzzyOnly[intent], affirmative);
        }

        if (fulfilment is not null || analysis.Address is not null)
        {
            // Pickup/delivery and addresses are details of the order being placed.
            return new Resolution(Intent.Order, Inferred: true, false, affirmative);
        }

        if (hasNumber)
        {
            return new Resolution(Intent.Quantity, Inferred: true, false, affirmative);
        }

        if (scores.ContainsKey(Intent.Greet) || scores.ContainsKey(Intent.Smalltalk))
        {
            var intent = scores.GetValueOrDefault(Intent.Smalltalk) > scores.GetValueOrDefault(Intent.Greet) ? Intent.Smalltalk : Intent.Greet;
            return new Resolution(intent, Inferred: false, fuzzyOnly[intent], affirmative);
        }

        return new Resolution(Intent.Unknown, Inferred: true, false, affirmative);
    }

    private static bool EndsWithAvailabilityWord(MessageAnalysis analysis)
    {
        var last = analysis.Count - 1;
        return analysis.ClaimAt(last) is ClaimKind.None or ClaimKind.Lexicon
            && TrailingAvailability.Contains(analysis.Tokens[last].Text)
            && analysis.Products.Any(p => p.End <= last);
    }

    /// <summary>Whether the message, sent when the agent asked for an address, is about something else instead.</summary>
    public static bool IsAboutSomethingElse(MessageAnalysis analysis) =>
        analysis.IntentHits.Any(h => h.Phrase.Intent is Intent.Stop or Intent.Start || NotAnAddress.Contains(h.Phrase.Intent))
        || analysis.Products.Count > 0;
}
