using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Orders;
using HaloAgent.Engine.Activities;
using HaloAgent.Platform.Events;

namespace HaloAgent.Agent.Orders;

/// <summary>
/// Raises <c>order.completed</c> when the business completes an order, with what was bought named in the customer's
/// language, so a post-purchase journey can thank them and later suggest more of what they liked. The event id is the
/// order's: completing is final, so a repeated request raises nothing new.
/// </summary>
public sealed class OrderCompletedEvent(IOrderService orders, IContactService contacts, IEventPublisher events)
{
    public async Task RaiseAsync(string orderId, CancellationToken cancellationToken)
    {
        if (await orders.GetAsync(orderId, cancellationToken) is not { Status: OrderStatus.Completed } order)
        {
            return;
        }

        var language = (await contacts.GetAsync(order.ContactId, cancellationToken))?.PreferredLanguage;
        var items = order.Lines.OrderByDescending(l => l.Quantity).ThenByDescending(l => l.LineTotalKobo)
            .Select(l => (object?)new Dictionary<string, object?> { ["sku"] = l.Sku, ["name"] = l.Names.For(language), ["quantity"] = (decimal)l.Quantity })
            .ToList();
        var payload = new Dictionary<string, object?>
        {
            ["orderId"] = order.Id,
            ["number"] = order.Number,
            ["totalKobo"] = (decimal)order.TotalKobo,
            ["contactId"] = order.ContactId,
            ["businessId"] = order.BusinessId,
            ["items"] = items,
            ["topItem"] = order.Lines.OrderByDescending(l => l.Quantity).ThenByDescending(l => l.LineTotalKobo).FirstOrDefault()?.Names.For(language) ?? "",
        };
        await events.PublishAsync(order.BusinessId, EventNames.OrderCompleted, order.ContactId, payload, $"{EventNames.OrderCompleted}:{order.Id}", cancellationToken);
    }
}
