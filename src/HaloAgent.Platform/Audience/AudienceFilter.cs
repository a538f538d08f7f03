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
}

/// <summary>What is wrong with a filter, each with where (<c>conditions[1].conditions[0].value</c>).</summary>
public sealed class AudienceFilterException(IReadOnlyList<string> errors)
    : Exception("The segment's filter is not valid: " + string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
