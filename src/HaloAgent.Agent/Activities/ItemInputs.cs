namespace HaloAgent.Agent.Activities;

/// <summary>Reads a list input of <c>{ sku, quantity }</c> items (from the NLU, a tapped menu row or a catalog cart).</summary>
internal static class ItemInputs
{
    public static IReadOnlyList<(string Sku, int Quantity)> Read(object? value) =>
        (value as IEnumerable<object?> ?? [])
            .OfType<IDictionary<string, object?>>()
            .Select(i => (Sku: i.TryGetValue("sku", out var sku) ? sku as string ?? "" : "", Quantity: i.TryGetValue("quantity", out var q) && q is decimal d ? (int)d : 1))
            .Where(i => i.Sku.Length > 0)
            .ToList();

    public static IReadOnlyList<string> Texts(object? value) => (value as IEnumerable<object?> ?? []).OfType<string>().ToList();
}
