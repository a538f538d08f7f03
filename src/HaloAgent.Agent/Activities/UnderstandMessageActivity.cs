using System.Text.Json.Nodes;
using HaloAgent.Agent.Conversations;
using HaloAgent.AI;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Conversations;
using HaloAgent.Engine.Activities;
using AiTurn = HaloAgent.AI.ConversationTurn;
using MemoryTurn = HaloAgent.Commerce.Conversations.ConversationTurn;

namespace HaloAgent.Agent.Activities;

/// <summary>
/// Reads a customer message: intent, products and quantities, fulfilment, address and language, with the built-in
/// multilingual NLU or the configured LLM. Remembers the turn and the customer's language.
/// </summary>
public sealed class UnderstandMessageActivity(
    ConversationLoader conversations, IMessageUnderstanding understanding, ICatalogService catalog, IContactService contacts, IConversationMemory memory)
    : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "UnderstandMessage",
        DisplayName = "Understand message",
        Category = "Agent",
        Description = "Understands the customer's message in English, Pidgin, Yoruba, Igbo or Hausa: intent, products, quantities, pickup or delivery, address.",
        Inputs =
        [
            new InputDescriptor("text", InputKind.Text) { DisplayName = "Message", Default = JsonValue.Create("{{event.text}}") },
            new InputDescriptor("replyId", InputKind.Text) { DisplayName = "Tapped option", Default = JsonValue.Create("{{event.replyId}}"), Description = "Id of a tapped menu row (sku:<SKU>) or button." },
            new InputDescriptor("order", InputKind.Expression) { DisplayName = "Catalog cart", Default = JsonValue.Create("event.order"), Description = "A WhatsApp catalog order message ({ items: [{ sku, quantity }] })." },
            new InputDescriptor("awaiting", InputKind.Text) { DisplayName = "Awaiting", Default = JsonValue.Create("{{vars.awaiting}}"), Description = "What the agent just asked (quantity, fulfilment, address, confirm): helps read \"2\" or \"yes\"." },
        ],
        Outputs =
        [
            new OutputDescriptor("intent", "string"), new OutputDescriptor("confidence", "number"), new OutputDescriptor("language", "string"),
            new OutputDescriptor("items", "array", "[{ sku, quantity }]"), new OutputDescriptor("fulfilment", "string"), new OutputDescriptor("address", "string"),
            new OutputDescriptor("unknownProducts", "array"),
        ],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var conversation = await conversations.LoadAsync(context, cancellationToken);
        var text = context.Text("text") ?? "";
        var products = await catalog.ListAsync(conversation.Business.Id, includeInactive: false, cancellationToken);
        var history = await memory.GetAsync(conversation.Contact.Id, cancellationToken);
        var awaiting = context.Text("awaiting");
        if (context.Text("replyId") is { } replyId && replyId.StartsWith(MenuRows.SkuPrefix, StringComparison.Ordinal))
        {
            // A tapped menu row names its product exactly: no need to guess.
            var sku = replyId[MenuRows.SkuPrefix.Length..];
            return ActivityResult.Done(Output(new Understanding
            {
                Intent = Intent.Add,
                Confidence = 1,
                Language = conversation.Language,
                Items = [new ItemMention(sku, 1)],
                Provider = "menu",
            }));
        }

        if (context.Input<object>("order") is IDictionary<string, object?> order && order.TryGetValue("items", out var listed) && listed is IEnumerable<object?> cartItems)
        {
            // A cart sent from the WhatsApp catalog: exact SKUs and quantities, nothing to interpret.
            var items = ItemInputs.Read(cartItems).Select(i => new ItemMention(i.Sku, i.Quantity)).ToList();
            return ActivityResult.Done(Output(new Understanding
            {
                Intent = Intent.Add,
                Confidence = 1,
                Language = conversation.Language,
                Items = items,
                Provider = "catalog",
            }));
        }

        var result = await understanding.UnderstandAsync(
            new UnderstandRequest(text, conversation.Contact.PreferredLanguage, products.Select(ToEntry).ToList())
            {
                RecentTurns = history.Turns.TakeLast(10).Select(t => new AiTurn(t.Role, t.Text)).ToList(),
                AwaitingSlot = string.IsNullOrWhiteSpace(awaiting) ? null : awaiting,
            },
            cancellationToken);

        if (result.Confidence >= 0.5 && result.Language != conversation.Contact.PreferredLanguage)
        {
            await contacts.SetLanguageAsync(conversation.Contact.Id, result.Language, cancellationToken);
        }

        await memory.AppendTurnAsync(conversation.Business.Id, conversation.Contact.Id, new MemoryTurn(MemoryTurn.Customer, text, context.Now.ToUnixTimeMilliseconds()), cancellationToken);
        if (result.Address is { Length: > 0 } address)
        {
            await memory.SetFactAsync(conversation.Business.Id, conversation.Contact.Id, ConversationFacts.Address, address, cancellationToken);
        }

        return ActivityResult.Done(Output(result));
    }

    private static Dictionary<string, object?> Output(Understanding result) =>
        new(StringComparer.Ordinal)
        {
            ["intent"] = result.Intent.ToString(),
            ["confidence"] = (decimal)Math.Round(result.Confidence, 3),
            ["language"] = result.Language,
            ["items"] = result.Items.Select(i => (object?)new Dictionary<string, object?> { ["sku"] = i.Sku, ["quantity"] = i.Quantity is { } q ? (decimal)q : null }).ToList(),
            ["quantity"] = result.Quantity is { } quantity ? (decimal)quantity : null,
            ["fulfilment"] = result.Fulfilment?.ToString(),
            ["address"] = result.Address,
            ["affirmative"] = result.Affirmative,
            ["unknownProducts"] = result.UnknownProducts.Cast<object?>().ToList(),
            ["provider"] = result.Provider,
        };

    private static CatalogEntry ToEntry(CatalogItem item) => new(item.Sku, item.Names.All, item.Aliases, item.PriceKobo, item.Available);
}
