using System.Text.Json.Nodes;
using HaloAgent.Engine.Activities;

namespace HaloAgent.Agent.Activities;

/// <summary>Reads a list input of <c>{ sku, quantity }</c> items (from the NLU, a tapped menu row or a catalog cart).</summary>
internal static class ItemInputs
{
    public const string Name = "items";

    /// <summary>The <c>items</c> input of the cart and dish activities, bound by default to what the understanding step found.</summary>
    public static InputDescriptor Input(string displayName, string? description = null) =>
        new(Name, InputKind.Expression) { DisplayName = displayName, Default = JsonValue.Create("nodes.understand.items"), Description = description };

    public static IReadOnlyList<(string Sku, int Quantity)> Read(ActivityContext context) => Read(context.Input<object>(Name));

    public static IReadOnlyList<(string Sku, int Quantity)> Read(object? value) =>
        (value as IEnumerable<object?> ?? [])
            .OfType<IDictionary<string, object?>>()
            .Select(i => (Sku: i.TryGetValue("sku", out var sku) ? sku as string ?? "" : "", Quantity: i.TryGetValue("quantity", out var q) && q is decimal d ? (int)d : 1))
            .Where(i => i.Sku.Length > 0)
            .ToList();

    public static IReadOnlyList<string> Texts(object? value) => (value as IEnumerable<object?> ?? []).OfType<string>().ToList();
}
