namespace HaloAgent.AI;

/// <summary>The language codes the NLU reports (ISO 639: pcm is Nigerian Pidgin).</summary>
public static class Languages
{
    public const string English = "en";
    public const string Pidgin = "pcm";
    public const string Yoruba = "yo";
    public const string Igbo = "ig";
    public const string Hausa = "ha";

    public static IReadOnlyList<string> All { get; } = [English, Pidgin, Yoruba, Igbo, Hausa];

    /// <summary>The supported code for <paramref name="code"/> ("YO", " yo-NG ") or null when it is not one of ours.</summary>
    public static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var trimmed = code.Trim().ToLowerInvariant();
        var dash = trimmed.IndexOfAny(['-', '_']);
        if (dash > 0)
        {
            trimmed = trimmed[..dash];
        }

        foreach (var language in All)
        {
            if (language == trimmed)
            {
                return language;
            }
        }

        return null;
    }
}
