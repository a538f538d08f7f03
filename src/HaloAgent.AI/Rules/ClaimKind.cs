namespace HaloAgent.AI.Rules;

/// <summary>Which step of the analysis explained a word; each word is explained at most once.</summary>
internal enum ClaimKind
{
    None,
    Address,
    Product,
    Lexicon,
    Number,

    /// <summary>A generic food word next to a product ("rice" in "jollof rice" when the catalog says "Jollof").</summary>
    ProductDetail,

    /// <summary>A product-like word after an order verb that matched nothing in the catalog.</summary>
    UnknownProduct,
}
