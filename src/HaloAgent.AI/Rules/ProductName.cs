namespace HaloAgent.AI.Rules;

/// <summary>One catalog name or alias, folded.</summary>
/// <param name="Joined">The words run together, so "puff puff", "puff-puff" and "puffpuff" compare equal.</param>
/// <param name="Language">The name's language when no other language uses the same name.</param>
internal sealed record ProductName(string Sku, string[] Tokens, string Joined, bool IsAlias, string? Language);
