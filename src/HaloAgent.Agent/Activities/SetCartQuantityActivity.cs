using System.Text.Json.Nodes;
using HaloAgent.Agent.Conversations;
using HaloAgent.Commerce.Carts;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Content;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Runtime.Runtime;

namespace HaloAgent.Agent.Activities;

/// <summary>
/// A correction ("make am 3", "make it 2 fried rice", "ẹ ṣe é ní mẹ́ta"): SETS the quantity of the named dish, or of the
/// dish added last when none is named, and shows the cart. Adding instead would overcharge the customer.
/// </summary>
public sealed class SetCartQuantityActivity(ConversationLoader conversations, ICartService carts, ICatalogService catalog, EffectLedger ledger, IEventPublisher events)
    : Activity
{
    public static class Results
    {
        public const string Updated = "Updated";
        public const string NothingChanged = "NothingChanged";
    }

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "SetCartQuantity",
        DisplayName = "Change a quantity",
        Category = "Commerce",
        Description = "Sets (not adds) the quantity of the named products, or of the product added last when only a number was said; replies with the cart.",
        Inputs =
        [
            ItemInputs.Input("Items", "List of { sku, quantity }."),
            new InputDescriptor("quantity", InputKind.Expression) { DisplayName = "Quantity said alone", Default = JsonValue.Create("nodes.understand.quantity") },
        ],
        Outcomes = [Results.Updated, Results.NothingChanged],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var conversation = await conversations.LoadAsync(context, cancellationToken);
        var (businessId, contactId) = (conversation.Business.Id, conversation.Contact.Id);
        var named = ItemInputs.Read(context);
        var alone = context.Input<object>("quantity") is decimal q ? (int)q : (int?)null;

        var lines = await CartEffects.ChangeOnceAsync(ledger, context, async ct =>
        {
            if (named.Count > 0 || alone is not { } said)
            {
                return named;
            }

            var cart = await carts.GetAsync(businessId, contactId, ct);
            return cart.Lines.Count > 0 ? [(cart.Lines[^1].Sku, said)] : [];
        }, (sku, quantity, ct) => carts.SetQuantityAsync(businessId, contactId, sku, quantity, ct), cancellationToken);

        foreach (var line in lines.Where(l => l.OutOfStock))
        {
            if (await catalog.FindBySkuAsync(businessId, line.Sku, cancellationToken) is { } product)
            {
                await CartEffects.SendOutOfStockAsync(conversation, catalog, product, line.Available, cancellationToken);
            }
        }

        var cartData = TemplateData.Cart(await carts.GetAsync(businessId, contactId, cancellationToken), conversation.Language);
        if (!lines.Any(l => l.Changed))
        {
            if (lines.Count == 0)
            {
                // A number with nothing in the cart to apply it to.
                conversation.Send("cart_empty", conversation.Data(("cart", cartData)));
            }

            return ActivityResult.Outcome(Results.NothingChanged, new Dictionary<string, object?> { ["cart"] = cartData });
        }

        conversation.Send("cart_updated", conversation.Data(("cart", cartData)));
        await CartEffects.PublishAsync(events, context, CartEffects.Updated, conversation, cancellationToken);
        return ActivityResult.Outcome(Results.Updated, new Dictionary<string, object?> { ["cart"] = cartData });
    }
}
