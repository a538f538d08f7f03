namespace HaloAgent.AI.Rules;

/// <summary>A catalog product found at tokens [Start, End).</summary>
/// <param name="Score">1 for an exact name or alias, lower for partial and fuzzy matches.</param>
/// <param name="Language">The language of the catalog name it matched, when only that language uses the name.</param>
internal sealed record ProductMatch(int Start, int End, string Sku, double Score, string? Language);
