using System.Text;
using HaloAgent.Platform.Languages;
using HaloAgent.Platform.Money;

namespace HaloAgent.AI.Llm;

/// <summary>The instructions and catalog the model reads before the customer's message.</summary>
internal static class SystemPrompt
{
    /// <summary>Enough for a small business's menu while keeping the prompt (and its cost and latency) bounded.</summary>
    public const int MaxCatalogEntries = 200;

    private const int MaxNameLength = 80;

    public static string Build(UnderstandRequest request)
    {
        var prompt = new StringBuilder();
        prompt.AppendLine("""
            You read WhatsApp messages sent to a small Nigerian food business and report what the customer wants by calling tools.
            Customers write in English (en), Nigerian Pidgin (pcm), Yoruba (yo), Igbo (ig) or Hausa (ha), often mixing them and leaving out tone marks.
            Do not write a reply to the customer; only call tools.

            Rules:
            - Call report_intent exactly once, for the customer's latest message.
            - Call select_items for catalog products the customer names, using only SKUs from the catalog below. A quantity is a whole number from 1 to 100; leave it out when none was said.
            - Call report_unknown_products for products the customer asks for that are not in the catalog.
            - Call set_fulfilment when the customer chooses pickup or delivery; add the address when they give one.
            - Call set_quantity when the customer gives a number without naming a product (for example answering "how many?").
            - Never state, change or invent prices, totals, discounts, fees or stock: the shop's system computes them from the catalog.

            Intents: greet; browse (wants to see the menu); order (wants to buy); add (more of something, to an existing order);
            remove (take something out); quantity (gives or changes a number); price (asks what something costs); status (where is my order);
            paid (says they have paid); cancel (cancel the order); human (wants to talk to a person); stop (no more messages);
            start (messages again); smalltalk (thanks, chit-chat); cart (show what is in the cart); checkout (nothing more to add,
            ready to pay); availability (asks whether a dish is available: never orders it); details (asks about a dish's
            portion or ingredients: never orders it); confirm (yes); decline (no); unknown. A question about a dish (price,
            availability, details) names the dish with select_items but is not an order.
            """);

        prompt.Append("The agent just asked for: ").AppendLine(DescribeSlot(request.AwaitingSlot));
        prompt.Append("The customer's usual language: ").AppendLine(LanguageCodes.Normalize(request.PreferredLanguage) ?? "not known");
        prompt.AppendLine();
        prompt.AppendLine("Catalog (SKU | names by language | other names | price | availability):");

        var entries = (request.Catalog ?? []).Where(e => e is not null && !string.IsNullOrWhiteSpace(e.Sku)).ToList();
        foreach (var entry in entries.Take(MaxCatalogEntries))
        {
            var names = string.Join("; ", (entry.Names ?? new Dictionary<string, string>())
                .Where(n => !string.IsNullOrWhiteSpace(n.Value))
                .Select(n => $"{Clean(n.Key)}: {Clean(n.Value)}"));
            var aliases = string.Join(", ", (entry.Aliases ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(Clean));
            prompt.Append("- ").Append(Clean(entry.Sku))
                .Append(" | ").Append(names.Length > 0 ? names : "-")
                .Append(" | ").Append(aliases.Length > 0 ? aliases : "-")
                .Append(" | ").Append(Naira.Format(entry.PriceKobo))
                .Append(" | ").AppendLine(entry.Stock > 0 ? "available" : "sold out");
        }

        if (entries.Count == 0)
        {
            prompt.AppendLine("(empty: every product the customer asks for is unknown)");
        }

        return prompt.ToString();
    }

    private static string DescribeSlot(string? slot) => slot?.Trim().ToLowerInvariant() switch
    {
        Slots.Quantity => "a quantity (how many)",
        Slots.Fulfilment => "pickup or delivery",
        Slots.Address => "a delivery address",
        Slots.Confirm => "a yes or no to confirm the order",
        null or "" => "nothing in particular",
        var other => Clean(other),
    };

    /// <summary>One line, bounded: catalog text must not be able to add lines of instructions to the prompt.</summary>
    private static string Clean(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n', '\t', '|'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return line.Length <= MaxNameLength ? line : line[..MaxNameLength];
    }
}
