using System.Text.Json;

namespace HaloAgent.Platform.Audience;

/// <summary>
/// Who a segment is: conditions on contacts joined by <see cref="Match"/> (<c>all</c> = AND, <c>any</c> = OR). A
/// condition is a rule (<c>field</c>, <c>op</c>, <c>value</c>) or a nested group (<c>match</c>, <c>conditions</c>).
/// Marketing stores and sends it; the module that owns contacts evaluates it (<see cref="IAudience"/>).
/// </summary>
public sealed record AudienceFilter
{
    public string Match { get; init; } = AudienceFilters.All;

    public IReadOnlyList<AudienceCondition> Conditions { get; init; } = [];
}

/// <summary>A rule, or (with <see cref="Conditions"/>) a group of them.</summary>
public sealed record AudienceCondition
{
    public string? Field { get; init; }

    public string? Op { get; init; }

    public JsonElement? Value { get; init; }

    public string? Match { get; init; }

    public IReadOnlyList<AudienceCondition>? Conditions { get; init; }

    public bool IsGroup => Conditions is not null;
}

/// <summary>How many contacts match, and a few of them to show while the marketer edits.</summary>
public sealed record AudiencePreview(int Count, IReadOnlyList<AudienceMember> Sample);

public sealed record AudienceMember(string Id, string? Name, string Key, string? Language, string Channel, DateTimeOffset? LastMessageAt);

/// <summary>Evaluates filters over a business's contacts (implemented by the module that owns them).</summary>
public interface IAudience
{
    /// <exception cref="AudienceFilterException">The filter names an unknown field, operator or value.</exception>
    Task<AudiencePreview> PreviewAsync(string businessId, AudienceFilter filter, int sampleSize, CancellationToken cancellationToken);

    /// <summary>The ids of every matching contact (for a broadcast's recipients).</summary>
    Task<IReadOnlyList<string>> ContactIdsAsync(string businessId, AudienceFilter filter, CancellationToken cancellationToken);

    /// <summary>Every matching contact with what a broadcast needs to reach them (or to say why it will not).</summary>
    Task<IReadOnlyList<AudienceRecipient>> RecipientsAsync(string businessId, AudienceFilter filter, CancellationToken cancellationToken);

    /// <summary>When each contact last wrote and their first bought order since <paramref name="since"/> (attribution).</summary>
    Task<IReadOnlyList<AudienceEngagement>> EngagementAsync(
        string businessId, IReadOnlyCollection<string> contactIds, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// What each exposed contact did after their own exposure: whether they wrote since, and their bought orders placed
    /// within <paramref name="window"/> after it (an experiment's goal). Contacts not of this business are left out.
    /// </summary>
    Task<IReadOnlyList<AudienceOutcome>> OutcomesAsync(
        string businessId, IReadOnlyCollection<AudienceExposure> exposures, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Whether the contact (of <paramref name="businessId"/>) matches the filter now.</summary>
    Task<bool> MatchesAsync(string businessId, AudienceFilter filter, string contactId, CancellationToken cancellationToken);

    /// <summary>The business a contact belongs to; null for an unknown contact.</summary>
    Task<string?> BusinessOfAsync(string contactId, CancellationToken cancellationToken);

    /// <summary>The names of these contacts (null when unknown); contacts not of this business are left out.</summary>
    Task<IReadOnlyDictionary<string, string?>> NamesAsync(string businessId, IReadOnlyCollection<string> contactIds, CancellationToken cancellationToken);

    /// <summary>Meta says the customer stopped marketing from this business (131050): record it as their opt-out.</summary>
    Task<bool> OptOutOfMarketingAsync(string businessId, string contactId, CancellationToken cancellationToken);
}

/// <summary>A contact as a broadcast reaches them: their key on their channel, language and marketing consent.</summary>
public sealed record AudienceRecipient(
    string ContactId, string? Name, string Key, string Channel, string? Language, bool MarketingConsent, bool MarketingOptOut,
    DateTimeOffset? LastMessageAt);

/// <summary>What a contact did after a message: last wrote at, first bought order (placed at, total in kobo).</summary>
public sealed record AudienceEngagement(string ContactId, DateTimeOffset? LastMessageAt, DateTimeOffset? FirstOrderAt, long? FirstOrderKobo);

/// <summary>A contact exposed to something (an experiment's variant) at a time.</summary>
public sealed record AudienceExposure(string ContactId, DateTimeOffset At);

/// <summary>After an exposure: wrote back since, and the bought orders within the window (count, total in kobo).</summary>
public sealed record AudienceOutcome(string ContactId, bool Replied, int Orders, long RevenueKobo);

/// <summary>What is wrong with a filter, each with where (<c>conditions[1].conditions[0].value</c>).</summary>
public sealed class AudienceFilterException(IReadOnlyList<string> errors)
    : Exception("The segment's filter is not valid: " + string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
