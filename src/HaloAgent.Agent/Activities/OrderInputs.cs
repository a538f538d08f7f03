using System.Text.Json.Nodes;
using HaloAgent.Commerce.Businesses;
using HaloAgent.Commerce.Orders;
using HaloAgent.Engine.Activities;

namespace HaloAgent.Agent.Activities;

/// <summary>The fulfilment choices a quote or an order is made from, read from the flow's variables.</summary>
internal sealed record OrderInputs(Fulfilment Fulfilment, string? Zone, string? Address)
{
    public static readonly InputDescriptor[] Descriptors =
    [
        new("fulfilment", InputKind.Text) { DisplayName = "Pickup or delivery", Default = JsonValue.Create("{{vars.fulfilment}}") },
        new("zone", InputKind.Text) { DisplayName = "Delivery zone", Default = JsonValue.Create("{{vars.zone}}") },
        new("address", InputKind.Text) { DisplayName = "Delivery address", Default = JsonValue.Create("{{vars.address}}") },
    ];

    public static OrderInputs Read(ActivityContext context, BusinessProfile business)
    {
        var fulfilment = string.Equals(context.Text("fulfilment"), nameof(Fulfilment.Delivery), StringComparison.OrdinalIgnoreCase)
            ? Fulfilment.Delivery
            : Fulfilment.Pickup;
        var address = Blank(context.Text("address"));
        return new OrderInputs(fulfilment, ResolveZone(Blank(context.Text("zone")), address, business), address);
    }

    public OrderRequest Request(string businessId, string contactId, string? idempotencyKey = null, string? note = null) =>
        new(businessId, contactId, Fulfilment, Fulfilment == Fulfilment.Delivery ? Zone : null, Fulfilment == Fulfilment.Delivery ? Address : null, note, idempotencyKey);

    /// <summary>A zone the customer named, one their address mentions, or the only one there is; else null (ask).</summary>
    private static string? ResolveZone(string? given, string? address, BusinessProfile business)
    {
        var zones = business.DeliveryZones;
        if (given is not null)
        {
            return zones.FirstOrDefault(z => string.Equals(z.Name, given, StringComparison.OrdinalIgnoreCase))?.Name ?? given;
        }

        if (address is not null && zones.FirstOrDefault(z => address.Contains(z.Name, StringComparison.OrdinalIgnoreCase)) is { } mentioned)
        {
            return mentioned.Name;
        }

        return zones.Count == 1 ? zones[0].Name : null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
