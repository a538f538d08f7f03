namespace HaloAgent.AI;

/// <summary>A product as the NLU sees it.</summary>
/// <param name="Sku">The identifier returned in <see cref="ItemMention.Sku"/>.</param>
/// <param name="Names">Display name per language code (en, pcm, yo, ig, ha); every one is matched whatever the message's language.</param>
/// <param name="Aliases">Other words customers use ("jollof", "puff-puff"); an exact alias match beats a fuzzy name match.</param>
/// <param name="PriceKobo">Shown to the LLM in its prompt only; no provider ever returns or changes a price.</param>
/// <param name="Stock">Shown to the LLM as available or sold out; reservation stays in the commerce domain.</param>
public sealed record CatalogEntry(
    string Sku,
    IReadOnlyDictionary<string, string> Names,
    IReadOnlyList<string> Aliases,
    long PriceKobo,
    int Stock);
