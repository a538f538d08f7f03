using HaloAgent.Platform.Languages;

namespace HaloAgent.AI.Rules;

/// <summary>Picks the message's language from its lexicon words, product names and letters, falling back to the contact's.</summary>
internal static class LanguageDetector
{
    /// <summary>Below this much evidence the contact's stored language is the better guess ("2", "ok", "hello").</summary>
    private const double Evidence = 1.0;

    /// <summary>One strong Pidgin word (abeg, wetin, dey, una) turns English-looking text into Pidgin.</summary>
    private const double PidginMarker = 1.0;

    public static string Detect(MessageAnalysis analysis, string? preferredLanguage)
    {
        var scores = LanguageCodes.All.ToDictionary(l => l, _ => 0.0, StringComparer.Ordinal);
        foreach (var hit in analysis.Hits)
        {
            var share = hit.Phrase.LanguageWeight / hit.Phrase.Languages.Length * (hit.Fuzzy ? 0.5 : 1.0);
            foreach (var language in hit.Phrase.Languages)
            {
                scores[language] += share;
            }
        }

        foreach (var product in analysis.Products)
        {
            if (product.Language is { } language && scores.ContainsKey(language))
            {
                scores[language] += 0.5;
            }
        }

        ScriptHints.AddTo(analysis.Raw, scores);

        // Pidgin is English-lexified: its English words are Pidgin words too once a Pidgin marker is present.
        if (scores[LanguageCodes.Pidgin] >= PidginMarker)
        {
            scores[LanguageCodes.Pidgin] += scores[LanguageCodes.English];
            scores[LanguageCodes.English] = 0;
        }

        var preferred = LanguageCodes.Normalize(preferredLanguage);
        var best = scores.OrderByDescending(s => s.Value).First();
        if (best.Value < Evidence)
        {
            return preferred ?? (best.Value > 0 ? best.Key : LanguageCodes.English);
        }

        if (preferred is not null && scores[preferred] >= best.Value - 1e-9)
        {
            return preferred;
        }

        return best.Key;
    }
}
