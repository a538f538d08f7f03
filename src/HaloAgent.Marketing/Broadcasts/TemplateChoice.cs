using HaloAgent.Marketing.Templates;

namespace HaloAgent.Marketing.Broadcasts;

/// <summary>
/// Which language of a template each customer gets: their own when Meta approved one (en, ha), else the broadcast's
/// fallback. Meta's codes may carry a region (en_US): the language part is what matches.
/// </summary>
public sealed class TemplateChoice(IReadOnlyList<WhatsAppTemplate> variants, string fallbackLanguage)
{
    public const string Approved = "APPROVED";

    public IReadOnlyList<WhatsAppTemplate> Variants { get; } = variants;

    /// <summary>The approved variant for a customer speaking <paramref name="language"/>; null when there is none.</summary>
    public WhatsAppTemplate? For(string language) =>
        Approve(Find(language)) ?? Approve(Variants.FirstOrDefault(v => v.Language == fallbackLanguage) ?? Find(fallbackLanguage));

    /// <summary>The variant that would be used if it were approved (to say why a customer is skipped).</summary>
    public WhatsAppTemplate? Intended(string language) => Find(language) ?? Variants.FirstOrDefault(v => v.Language == fallbackLanguage) ?? Find(fallbackLanguage);

    private WhatsAppTemplate? Find(string language) =>
        Variants.FirstOrDefault(v => Primary(v.Language) == Primary(language));

    public static bool IsApproved(WhatsAppTemplate template) => string.Equals(template.Status, Approved, StringComparison.OrdinalIgnoreCase);

    private static WhatsAppTemplate? Approve(WhatsAppTemplate? variant) => variant is not null && IsApproved(variant) ? variant : null;

    private static string Primary(string code) => code.Split('_', '-')[0].ToLowerInvariant();
}
