using System.Text;

namespace HaloAgent.AI;

/// <summary>What a message means. Never contains a price or total: those are computed from the catalog by the caller.</summary>
public sealed record Understanding
{
    public required Intent Intent { get; init; }

    /// <summary>0..1; low when little of the message was recognised, so flows can hand over to a human.</summary>
    public required double Confidence { get; init; }

    /// <summary>en, pcm, yo, ig or ha.</summary>
    public required string Language { get; init; }

    /// <summary>Catalog products mentioned, in message order, each with the quantity said next to it.</summary>
    public IReadOnlyList<ItemMention> Items { get; init; } = [];

    /// <summary>
    /// A quantity said without a product ("2", "méjì", "guda biyu"), or, when exactly one product was named, its quantity.
    /// </summary>
    public int? Quantity { get; init; }

    public Fulfilment? Fulfilment { get; init; }

    public string? Address { get; init; }

    /// <summary>The answer to a yes/no question: true for yes, false for no, null when the message is neither.</summary>
    public bool? Affirmative { get; init; }

    /// <summary>"rules" or "llm" (see <see cref="Providers"/>).</summary>
    public required string Provider { get; init; }

    /// <summary>Product-like words the customer asked for that match nothing in the catalog, as they wrote them.</summary>
    public IReadOnlyList<string> UnknownProducts { get; init; } = [];

    /// <summary>Value equality including the lists' contents (a record would compare the list references).</summary>
    public bool Equals(Understanding? other) =>
        other is not null
        && Intent == other.Intent
        && Confidence.Equals(other.Confidence)
        && Language == other.Language
        && Items.SequenceEqual(other.Items)
        && Quantity == other.Quantity
        && Fulfilment == other.Fulfilment
        && Address == other.Address
        && Affirmative == other.Affirmative
        && Provider == other.Provider
        && UnknownProducts.SequenceEqual(other.UnknownProducts);

    public override int GetHashCode() => HashCode.Combine(Intent, Confidence, Language, Items.Count, Quantity, Fulfilment, Provider);

    /// <summary>Prints the lists' contents too, for logs and test failures.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Intent = {Intent}, Confidence = {Confidence}, Language = {Language}, ");
        builder.Append($"Items = [{string.Join(", ", Items.Select(i => $"{i.Sku}×{i.Quantity?.ToString() ?? "?"}"))}], ");
        builder.Append($"Quantity = {Quantity}, Fulfilment = {Fulfilment}, Address = {Address}, Affirmative = {Affirmative}, ");
        builder.Append($"Provider = {Provider}, UnknownProducts = [{string.Join(", ", UnknownProducts)}]");
        return true;
    }
}
