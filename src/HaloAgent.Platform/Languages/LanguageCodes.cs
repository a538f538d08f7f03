namespace HaloAgent.Platform.Languages;

/// <summary>
/// The five languages the agent speaks, as the short codes used everywhere (contacts, templates, product names, the
/// NLU's reports; ISO 639, so Nigerian Pidgin is pcm).
/// </summary>
public static class LanguageCodes
{
    public const string English = "en";
    public const string Pidgin = "pcm";
    public const string Yoruba = "yo";
    public const string Igbo = "ig";
    public const string Hausa = "ha";

    public static IReadOnlyList<string> All { get; } = [English, Pidgin, Yoruba, Igbo, Hausa];

    /// <summary>Of the five, the ones Meta approves message templates in (none in Pidgin, Yoruba or Igbo).</summary>
    public static IReadOnlySet<string> WithMetaTemplates { get; } = new HashSet<string>(StringComparer.Ordinal) { English, Hausa };

    public static bool IsSupported(string? code) => code is not null && All.Contains(code, StringComparer.Ordinal);

    /// <summary>
    /// The supported code for what a channel, an NLU or a person wrote ("EN", " yo-NG ", "ha_NG", "Yoruba", "naija"),
    /// or null when it is not one of ours.
    /// </summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim().ToLowerInvariant().Replace('_', '-');
        var head = text.Split('-')[0];
        if (IsSupported(head))
        {
            return head;
        }

        return text switch
        {
            "english" => English,
            "pidgin" or "naija" or "nigerian pidgin" => Pidgin,
            "yoruba" or "yorùbá" => Yoruba,
            "igbo" => Igbo,
            "hausa" => Hausa,
            _ => null,
        };
    }

    /// <summary>The region culture for a language: the Nigerian variant, so money and numbers read as they do locally.</summary>
    public static string CultureName(string? code) => (Normalize(code) ?? English) + "-NG";
}
