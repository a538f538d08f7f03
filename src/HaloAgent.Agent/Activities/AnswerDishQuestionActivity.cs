using HaloAgent.Agent.Conversations;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Engine.Activities;

namespace HaloAgent.Agent.Activities;

/// <summary>
/// "How much is jollof?", "jollof rice dey?", "what comes with the puff-puff?": answers from the catalog (full name,
/// price, available or sold out) and leaves the cart as it was. A question is never an order.
/// </summary>
public sealed class AnswerDishQuestionActivity(ConversationLoader conversations, ICatalogService catalog) : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "AnswerDishQuestion",
        DisplayName = "Answer a question about a dish",
        Category = "Commerce",
        Description = "Answers price, availability, portion or ingredient questions about the named products from the catalog; changes nothing.",
        Inputs =
        [
            ItemInputs.Input("Items asked about"),
        ],
        Outputs = [new OutputDescriptor("dishes", "number")],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var conversation = await conversations.LoadAsync(context, cancellationToken);
        var dishes = new List<object?>();
        foreach (var sku in ItemInputs.Read(context).Select(i => i.Sku).Distinct(StringComparer.Ordinal))
        {
            if (await catalog.FindBySkuAsync(conversation.Business.Id, sku, cancellationToken) is not { } product)
            {
                continue;
            }

            dishes.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["sku"] = product.Sku,
                ["name"] = product.Names.For(conversation.Language),
                ["priceKobo"] = (decimal)product.PriceKobo,
                ["inStock"] = product.InStock,
                ["available"] = (decimal)product.Available,
            });
        }

        conversation.Send("dish_info", conversation.Data(("dishes", dishes)));
        return ActivityResult.Done(new Dictionary<string, object?> { ["dishes"] = (decimal)dishes.Count });
    }
}
