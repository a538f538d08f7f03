using HaloAgent.Commerce;
using HaloAgent.Platform.Languages;

namespace HaloAgent.Content;

/// <summary>
/// Outside WhatsApp's 24-hour window only Meta-approved templates may be sent, and Meta approves templates in Hausa
/// but not in Yoruba, Igbo or Nigerian Pidgin. This picks the approved-template language for a contact.
/// </summary>
public static class ApprovedTemplateLanguage
{
    /// <summary>Of our five languages, the ones Meta has template support for.</summary>
    public static IReadOnlySet<string> Supported => LanguageCodes.WithMetaTemplates;

    /// <summary>en → en, ha → ha; pcm, yo, ig (and anything unknown) → the business's fallback (English by default).</summary>
    public static string For(string? contactLanguage, string? businessFallback = null)
    {
        var language = LanguageCodes.Normalize(contactLanguage);
        if (language is not null && Supported.Contains(language))
        {
            return language;
        }

        var fallback = LanguageCodes.Normalize(businessFallback);
        return fallback is not null && Supported.Contains(fallback) ? fallback : LanguageCodes.English;
    }
}
