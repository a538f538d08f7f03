using HaloAgent.Platform.Audience;
using HaloAgent.Platform.Languages;

namespace HaloAgent.Marketing.Broadcasts;

/// <summary>One contact as the broadcast will treat them: the template language they get, or why they are skipped.</summary>
public sealed record PlannedRecipient(AudienceRecipient Contact, string Language, string? TemplateLanguage, string? SkipReason);

/// <summary>
/// Decides, per contact, whether a broadcast may reach them (consent, opt-out, an approved template for their
/// language). The same rules serve the pre-flight and the start of sending, so what the marketer was told is what happens.
/// </summary>
public static class BroadcastPlanner
{
    public static IReadOnlyList<PlannedRecipient> Plan(IEnumerable<AudienceRecipient> audience, TemplateChoice templates) =>
        audience.Select(contact =>
        {
            var language = LanguageCodes.Normalize(contact.Language) ?? LanguageCodes.English;
            if (contact.MarketingOptOut)
            {
                return new PlannedRecipient(contact, language, null, SkipReasons.OptedOut);
            }

            if (!contact.MarketingConsent)
            {
                return new PlannedRecipient(contact, language, null, SkipReasons.NoConsent);
            }

            // A template Meta paused keeps its customers waiting (the sender pauses the broadcast) instead of skipping them.
            var variant = templates.For(language) ?? (templates.Intended(language) is { Status: "PAUSED" or "DISABLED" } stopped ? stopped : null);
            return variant is null
                ? new PlannedRecipient(contact, language, null, SkipReasons.NoTemplate)
                : new PlannedRecipient(contact, language, variant.Language, null);
        }).ToList();

    /// <summary>The body with <c>{{1}}</c>… filled in (what web chat and Twilio customers read).</summary>
    public static string Fill(string body, IReadOnlyList<string> parameters)
    {
        var text = body;
        for (var i = parameters.Count; i >= 1; i--)
        {
            text = text.Replace("{{" + i + "}}", parameters[i - 1], StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The marketer's parameters for one customer: <c>{name}</c> becomes their first name.</summary>
    public static IReadOnlyList<string> ParametersFor(IReadOnlyList<string> parameters, string? contactName)
    {
        var first = contactName?.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "friend";
        return parameters.Select(p => p.Replace("{name}", first, StringComparison.Ordinal)).ToList();
    }
}
