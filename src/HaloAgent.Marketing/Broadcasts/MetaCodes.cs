using HaloAgent.Platform.Messaging;

namespace HaloAgent.Marketing.Broadcasts;

/// <summary>What Meta's error codes (<see cref="MetaErrors"/>) mean for a campaign, beyond the outbox's own retries.</summary>
public static class MetaCodes
{
    /// <summary>"Retry failed" re-sends a recipient at most this many times.</summary>
    public const int MaxRetries = 2;

    /// <summary>After Meta's per-user marketing cap (131049) a retry waits at least this long.</summary>
    public static readonly TimeSpan MarketingCapWait = TimeSpan.FromHours(24);

    /// <summary>Template errors (parameters, name or language wrong, paused or disabled): the campaign stops and the marketer is told.</summary>
    private static readonly HashSet<int> TemplateErrors = [MetaErrors.TemplateParameters, 132001, 132005, 132007, 132012, 132015, 132016];

    public static bool IsTemplateError(int? code) => code is { } c && TemplateErrors.Contains(c);

    /// <summary>
    /// Failures a later campaign attempt may get past: Meta's per-user cap (a day later) and whatever the outbox counts
    /// as transient but gave up on. Opt-outs, undeliverable numbers and template errors are never retried.
    /// </summary>
    public static bool IsRetryable(int? code) =>
        code == MetaErrors.MarketingPerUserLimit || (code is not null && MetaErrors.IsTransient(code, httpStatus: 400));

    /// <summary>The recipient's reason for a failure code, for the marketer.</summary>
    public static string Explain(int? code, string? metaTitle)
    {
        var meaning = MetaErrors.Explain(code) ?? metaTitle ?? "Failed";
        return code is null ? meaning : $"{meaning} ({code})";
    }
}
