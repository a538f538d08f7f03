namespace HaloAgent.Marketing.Broadcasts;

/// <summary>Why a contact of the audience gets no message (stored as the code; shown as the words).</summary>
public static class SkipReasons
{
    public const string NoConsent = "no_consent";
    public const string OptedOut = "opted_out";
    public const string NoTemplate = "no_template";
    public const string FrequencyCap = "frequency_cap";

    public static string Explain(string? code) => code switch
    {
        NoConsent => "Never agreed to marketing messages.",
        OptedOut => "Opted out of marketing messages.",
        NoTemplate => "No approved template in their language or the fallback language.",
        FrequencyCap => "Had as many marketing messages this week as the frequency cap allows.",
        _ => code ?? "",
    };
}
