using HaloAgent.Agent.Conversations;
using HaloAgent.Commerce.Carts;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Content;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Runtime.Runtime;

namespace HaloAgent.Agent.Activities;

/// <summary>Removes the named products from the cart (or clears it) and shows what is left.</summary>
public sealed class RemoveFromCartActivity(ConversationLoader conversations, ICartService carts, ICatalogService catalog, EffectLedger ledger, IEventPublisher events) : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "RemoveFromCart",
        DisplayName = "Remove from cart",
        Category = "Commerce",
        Description = "Removes the understood products from the cart, or empties it when told to; replies with the cart.",
        Inputs =
        [
            ItemInputs.Input("Items"),
            new InputDescriptor("clear", InputKind.Condition) { DisplayName = "Empty the whole cart" },
        ],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var conversation = await conversations.LoadAsync(context, cancellationToken);
        var (businessId, contactId) = (conversation.Business.Id, conversation.Contact.Id);
        var skus = ItemInputs.Read(context).Select(i => i.Sku).ToList();
        var clear = context.Input<bool>("clear");
        await CartEffects.OnceAsync(ledger, context, async ct =>
        {
            if (clear)
            {
                await carts.ClearAsync(businessId, contactId, ct);
            }

            foreach (var sku in skus)
            {
                await carts.RemoveItemAsync(businessId, contactId, sku, ct);
            }

            return "done";
        }, cancellationToken);

        var cart = await carts.GetAsync(businessId, contactId, cancellationToken);
        var cartData = TemplateData.Cart(cart, conversation.Language);
        if (cart.IsEmpty)
        {
            conversation.Send("cart_empty", conversation.Data(("cart", cartData)));
            await CartEffects.PublishAsync(events, context, CartEffects.Closed, conversation, cancellationToken);
        }
        else
        {
            var removed = skus.Count > 0 ? await catalog.FindBySkuAsync(businessId, skus[^1], cancellationToken) : null;
            conversation.Send("item_removed", conversation.Data(("product", removed is null ? null : TemplateData.Product(removed, conversation.Language)), ("cart", cartData)));
        }

        return ActivityResult.Done(new Dictionary<string, object?> { ["cart"] = cartData });
    }
}
