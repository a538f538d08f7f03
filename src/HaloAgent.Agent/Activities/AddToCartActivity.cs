using HaloAgent.Agent.Conversations;
using HaloAgent.Commerce.Carts;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Content;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Runtime.Runtime;
using System.Text.Json.Nodes;

namespace HaloAgent.Agent.Activities;

/// <summary>
/// Adds the products the customer named to their cart and answers: added, not on the menu, or not enough left.
/// Quantities and prices come from the NLU's SKUs and the catalog, never from free text.
/// </summary>
public sealed class AddToCartActivity(ConversationLoader conversations, ICartService carts, ICatalogService catalog, EffectLedger ledger, IEventPublisher events)
    : Activity
{
    public static class Results
    {
        public const string Added = "Added";
        public const string NothingAdded = "NothingAdded";
    }

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "AddToCart",
        DisplayName = "Add to cart",
        Category = "Commerce",
        Description = "Adds the understood products to the customer's cart and replies (added / unknown product / not enough stock).",
        Inputs =
        [
            ItemInputs.Input("Items", "List of { sku, quantity }."),
            new InputDescriptor("unknown", InputKind.Expression) { DisplayName = "Unknown products", Default = JsonValue.Create("nodes.understand.unknownProducts") },
        ],
        Outcomes = [Results.Added, Results.NothingAdded],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var conversation = await conversations.LoadAsync(context, cancellationToken);
        var businessId = conversation.Business.Id;
        var contactId = conversation.Contact.Id;
        var wanted = ItemInputs.Read(context);
        var unknown = ItemInputs.Texts(context.Input<object>("unknown"));
        var lines = await CartEffects.ChangeOnceAsync(
            ledger, context, _ => Task.FromResult(wanted), (sku, quantity, ct) => carts.AddItemAsync(businessId, contactId, sku, quantity, ct), cancellationToken);
        var cart = await carts.GetAsync(businessId, contactId, cancellationToken);
        var cartData = TemplateData.Cart(cart, conversation.Language);

        foreach (var query in unknown)
        {
            conversation.Send("unknown_product", conversation.Data(("query", query)));
        }

        foreach (var line in lines.Where(l => !l.Changed))
        {
            var product = await catalog.FindBySkuAsync(businessId, line.Sku, cancellationToken);
            if (line.OutOfStock && product is not null)
            {
                await CartEffects.SendOutOfStockAsync(conversation, catalog, product, line.Available, cancellationToken);
            }
            else
            {
                conversation.Send("unknown_product", conversation.Data(("query", product?.Names.For(conversation.Language) ?? line.Sku)));
            }
        }

        var added = lines.Where(l => l.Changed).ToList();
        if (added.Count == 0)
        {
            if (lines.Count == 0 && unknown.Count == 0)
            {
                conversation.Send("ask_quantity", conversation.Data(("product", null)));
            }

            return ActivityResult.Outcome(Results.NothingAdded, new Dictionary<string, object?> { ["cart"] = cartData });
        }

        // Every dish added is named: "2 jollof rice and 1 moi moi" must not read as if only the moi moi was added.
        var addedData = new List<object?>();
        Dictionary<string, object?>? last = null;
        foreach (var line in added)
        {
            var product = await catalog.FindBySkuAsync(businessId, line.Sku, cancellationToken);
            last = product is null ? null : TemplateData.Product(product, conversation.Language);
            addedData.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["sku"] = line.Sku,
                ["name"] = product?.Names.For(conversation.Language) ?? line.Sku,
                ["quantity"] = (decimal)line.Quantity,
            });
        }

        conversation.Send("item_added", conversation.Data(
            ("product", last),
            ("quantity", (decimal)added[^1].Quantity),
            ("added", addedData),
            ("cart", cartData)));
        await CartEffects.PublishAsync(events, context, CartEffects.Updated, conversation, cancellationToken);
        return ActivityResult.Outcome(Results.Added, new Dictionary<string, object?> { ["cart"] = cartData });
    }
}
