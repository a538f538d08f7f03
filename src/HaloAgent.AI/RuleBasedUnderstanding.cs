using HaloAgent.AI.Rules;
using HaloAgent.Platform.Languages;

namespace HaloAgent.AI;

/// <summary>
/// The built-in multilingual NLU: lexicons for English, Pidgin, Yoruba, Igbo and Hausa, fuzzy catalog matching and
/// quantity words in every language. Deterministic, offline, no key needed; the default provider and the LLM's fallback.
/// </summary>
public sealed class RuleBasedUnderstanding : IMessageUnderstanding
{
    /// <summary>Characters read from a message; WhatsApp allows 4,096 and nothing useful follows that far in.</summary>
    public const int MaxInputLength = 4000;

    private readonly Lexicon lexicon = Lexicon.Instance;

    public Task<Understanding> UnderstandAsync(UnderstandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Understand(request));
    }

    internal Understanding Understand(UnderstandRequest request)
    {
        var raw = InputText.Prepare(request.Text);
        var tokens = Tokenizer.Tokenize(raw);
        var preferred = LanguageCodes.Normalize(request.PreferredLanguage);
        if (tokens.Count == 0)
        {
            // Empty, emoji-only or punctuation-only: nothing to act on, and the flow should ask rather than guess.
            return new Understanding
            {
                Intent = Intent.Unknown,
                Confidence = 0.05,
                Language = preferred ?? LanguageCodes.English,
                Provider = Providers.Rules,
            };
        }

        var slot = request.AwaitingSlot?.Trim().ToLowerInvariant();
        var analysis = new MessageAnalysis(raw, tokens);
        var index = ProductIndex.Build(request.Catalog);

        // Order matters: an address's words are not quantities, exact product names beat lexicon words, and typo
        // matching only looks at what nothing else explained.
        AddressDetector.DetectPattern(analysis);
        ProductMatcher.MatchExact(analysis, index);
        LexiconMatcher.Match(analysis, lexicon);
        AreaDetector.Detect(analysis);
        ProductMatcher.MatchFuzzy(analysis, index, lexicon);
        LexiconMatcher.MatchFuzzy(analysis, lexicon);
        ProductMatcher.ExtendMatches(analysis, index, lexicon);
        ProductMatcher.AbsorbDetails(analysis);

        var fulfilment = FulfilmentOf(analysis);
        if (slot == Slots.Address && analysis.Address is null && fulfilment != Fulfilment.Pickup
            && !IntentResolver.IsAboutSomethingElse(analysis) && HasUnexplainedWords(analysis))
        {
            AddressDetector.TakeWholeMessage(analysis);
        }

        if (analysis.Address is not null)
        {
            fulfilment ??= Fulfilment.Delivery;
        }

        UnknownProductFinder.Find(analysis, index, lexicon);
        var (items, standalone) = QuantityAttacher.Attach(analysis);
        var resolution = IntentResolver.Resolve(analysis, slot, fulfilment);

        return new Understanding
        {
            Intent = resolution.Intent,
            Confidence = ConfidenceScore.For(resolution, analysis, slot, fulfilment),
            Language = LanguageDetector.Detect(analysis, preferred),
            Items = items,
            Quantity = standalone ?? (items.Count == 1 ? items[0].Quantity : null),
            Fulfilment = fulfilment,
            Address = analysis.Address,
            Affirmative = resolution.Affirmative,
            Provider = Providers.Rules,
            UnknownProducts = analysis.UnknownProducts.Select(u => u.Text).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        };
    }

    /// <summary>The last pickup/delivery phrase wins: customers correct themselves ("pickup... no, deliver am").</summary>
    private static Fulfilment? FulfilmentOf(MessageAnalysis analysis) =>
        analysis.Hits
            .Where(h => h.Phrase.Kind == PhraseKind.Fulfilment)
            .OrderBy(h => h.Start)
            .Select(h => (Fulfilment?)h.Phrase.Fulfilment)
            .LastOrDefault();

    private static bool HasUnexplainedWords(MessageAnalysis analysis)
    {
        for (var i = 0; i < analysis.Count; i++)
        {
            if (analysis.ClaimAt(i) is ClaimKind.None or ClaimKind.Number)
            {
                return true;
            }
        }

        return false;
    }
}
