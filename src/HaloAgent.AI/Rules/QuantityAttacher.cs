namespace HaloAgent.AI.Rules;

/// <summary>Gives each quantity to the product it was said with: "2 jollof and one suya" → jollof×2, suya×1.</summary>
internal static class QuantityAttacher
{
    /// <summary>How far (in meaningful words, a clause break counting double) a number may stand from its product.</summary>
    private const int MaxDistance = 2;

    /// <summary>Crossing a comma or an "and" makes a pairing much less likely.</summary>
    private const int BreakCost = 2;

    /// <summary>The catalog items with their quantities, and the first quantity no product took.</summary>
    public static (IReadOnlyList<ItemMention> Items, int? Standalone) Attach(MessageAnalysis analysis)
    {
        // Unknown products take their quantity too ("1 pizza"), so it is not mistaken for a quantity said on its own.
        var products = analysis.Products
            .Concat(analysis.UnknownProducts.Select(u => new ProductMatch(u.Start, u.End, Sku: "", Score: 0, Language: null)))
            .OrderBy(p => p.Start)
            .ToList();
        var numbers = analysis.Numbers.OrderBy(n => n.Start).ToList();
        var quantityOf = new int?[products.Count];
        var used = new bool[numbers.Count];

        if (products.Count > 0 && numbers.Count > 0)
        {
            // English and Pidgin say "2 jollof", Yoruba, Igbo and Hausa "jollof méjì"; customers mix both ("jollof 2"),
            // so the message's own habit decides ties: did it open with a number or with a product?
            var numberFirst = numbers[0].Start < products[0].Start;
            var pairs = new List<(int Number, int Product, int Distance, bool Against)>();
            for (var n = 0; n < numbers.Count; n++)
            {
                for (var p = 0; p < products.Count; p++)
                {
                    var distance = Distance(analysis, numbers[n], products[p]);
                    if (distance <= MaxDistance)
                    {
                        var before = numbers[n].End <= products[p].Start;
                        pairs.Add((n, p, distance, before != numberFirst));
                    }
                }
            }

            foreach (var pair in pairs.OrderBy(x => x.Distance).ThenBy(x => x.Against).ThenBy(x => numbers[x.Number].Start))
            {
                if (!used[pair.Number] && quantityOf[pair.Product] is null)
                {
                    used[pair.Number] = true;
                    quantityOf[pair.Product] = numbers[pair.Number].Value;
                }
            }
        }

        int? standalone = null;
        for (var n = 0; n < numbers.Count; n++)
        {
            if (!used[n])
            {
                standalone = numbers[n].Value;
                break;
            }
        }

        return (Merge(products, quantityOf), standalone);
    }

    /// <summary>One mention per product, in message order; "jollof ... 2 jollof" adds up, a bare repeat does not.</summary>
    private static List<ItemMention> Merge(List<ProductMatch> products, int?[] quantityOf)
    {
        var items = new List<ItemMention>();
        for (var p = 0; p < products.Count; p++)
        {
            if (products[p].Sku.Length == 0)
            {
                continue;
            }

            var existing = items.FindIndex(i => i.Sku == products[p].Sku);
            if (existing < 0)
            {
                items.Add(new ItemMention(products[p].Sku, quantityOf[p]));
                continue;
            }

            var merged = (items[existing].Quantity, quantityOf[p]) switch
            {
                (null, var q) => q,
                (var q, null) => q,
                var (a, b) => Math.Min(a!.Value + b!.Value, 100),
            };
            items[existing] = items[existing] with { Quantity = merged };
        }

        return items;
    }

    private static int Distance(MessageAnalysis analysis, NumberMention number, ProductMatch product)
    {
        var (from, to) = number.End <= product.Start ? (number.End, product.Start) : (product.End, number.Start);
        if (to < from)
        {
            return int.MaxValue;
        }

        var distance = 0;
        for (var i = from; i < to; i++)
        {
            if (analysis.IsConjunction(i))
            {
                distance += BreakCost;
            }
            else if (!analysis.IsFiller(i) && analysis.ClaimAt(i) != ClaimKind.ProductDetail)
            {
                distance++;
            }

            // A break before the first in-between word separates it from the first span: it counts too.
            if (analysis.Tokens[i].BreakBefore)
            {
                distance += BreakCost;
            }
        }

        if (analysis.Tokens[to].BreakBefore)
        {
            distance += BreakCost;
        }

        return distance;
    }
}
