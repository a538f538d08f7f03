using System.Text.Json;
using System.Text.Json.Serialization;
using HaloAgent.Commerce.Carts;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Content;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Runtime.Runtime;
using HaloAgent.Platform.Events;

namespace HaloAgent.Agent.Activities;

/// <summary>
/// What the cart activities share: changing the cart once per step (the cart lives outside the step's transaction, so
/// the effect ledger keeps a re-run step from changing it twice), the out-of-stock reply, and telling the abandoned-cart
/// flow what happened to a cart: <c>cart.activity</c> with kind <c>updated</c> (starts or restarts the reminder clock) or
/// <c>closed</c> (ordered, emptied or opted out: no reminders). The event id makes a re-run step raise nothing new.
/// </summary>
internal static class CartEffects
{
    public const string Updated = "updated";
    public const string Closed = "closed";

    public static Task PublishAsync(IEventPublisher events, ActivityContext step, string kind, Conversations.Conversation conversation, CancellationToken cancellationToken) =>
        events.PublishAsync(
            conversation.Business.Id,
            EventNames.CartActivity,
            conversation.Contact.Id,
            new Dictionary<string, object?> { ["contactId"] = conversation.Contact.Id, ["kind"] = kind },
            $"{step.IdempotencyKey}:{EventNames.CartActivity}",
            cancellationToken);

    /// <summary>Runs <paramref name="effect"/> once for this step; a re-run gets the first run's answer back.</summary>
    public static Task<string> OnceAsync(EffectLedger ledger, ActivityContext step, Func<CancellationToken, Task<string>> effect, CancellationToken cancellationToken) =>
        ledger.OnceAsync($"{step.IdempotencyKey}:cart", effect, cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to each of the <paramref name="targets"/> once for this step and returns what each
    /// did. The targets are chosen inside the once-only effect, so a re-run does not choose again from the changed cart.
    /// </summary>
    public static async Task<IReadOnlyList<CartLineOutcome>> ChangeOnceAsync(
        EffectLedger ledger,
        ActivityContext step,
        Func<CancellationToken, Task<IReadOnlyList<(string Sku, int Quantity)>>> targets,
        Func<string, int, CancellationToken, Task<CartResult>> change,
        CancellationToken cancellationToken)
    {
        var json = await OnceAsync(ledger, step, async ct =>
        {
            var outcomes = new List<CartLineOutcome>();
            foreach (var (sku, quantity) in await targets(ct))
            {
                var result = await change(sku, quantity, ct);
                outcomes.Add(new CartLineOutcome(sku, quantity, result.Outcome.ToString(), result.Available));
            }

            return JsonSerializer.Serialize(outcomes);
        }, cancellationToken);
        return JsonSerializer.Deserialize<List<CartLineOutcome>>(json) ?? [];
    }

    /// <summary>
    /// "Only <c>available</c> left of <c>product</c>", or, when none is left (sold out), a dish to have instead: one in
    /// stock from the same category (a soup for a soup), else the first in stock on the menu.
    /// </summary>
    public static async Task SendOutOfStockAsync(
        Conversations.Conversation conversation, ICatalogService catalog, CatalogItem product, int? available, CancellationToken cancellationToken)
    {
        CatalogItem? alternative = null;
        if ((available ?? 0) == 0)
        {
            var menu = await catalog.ListAsync(conversation.Business.Id, includeInactive: false, cancellationToken);
            var others = menu.Where(p => p.InStock && p.Sku != product.Sku).ToList();
            alternative = others.FirstOrDefault(p => product.Category is not null && p.Category == product.Category) ?? others.FirstOrDefault();
        }

        conversation.Send("out_of_stock", conversation.Data(
            ("product", TemplateData.Product(product, conversation.Language)),
            ("available", (decimal)(available ?? 0)),
            ("alternative", alternative is null ? null : TemplateData.Product(alternative, conversation.Language))));
    }
}

/// <summary>What one cart change did, as the effect ledger keeps it.</summary>
internal sealed record CartLineOutcome(string Sku, int Quantity, string Outcome, int? Available)
{
    [JsonIgnore]
    public bool Changed => Outcome == nameof(CartOutcome.Updated);

    [JsonIgnore]
    public bool OutOfStock => Outcome == nameof(CartOutcome.OutOfStock);
}
