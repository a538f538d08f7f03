namespace HaloAgent.AI.Rules;

/// <summary>
/// Generic food words in the five languages (rice: ìrẹsì, osikapa, shinkafa; meat: ẹran, anụ, nama ...).
/// </summary>
/// <remarks>
/// They are too generic to pick a product on their own ("rice" could be jollof or fried rice), but next to a matched
/// product they belong to it ("shinkafa jollof" when the catalog only says "Jollof Rice") and are not unknown products.
/// </remarks>
internal static class FoodWords
{
    private static readonly HashSet<string> Words = new[]
    {
        "rice", "ìrẹsì", "osikapa", "shinkafa", "meat", "ẹran", "anụ", "nama", "soup", "ọbẹ̀", "ofe", "miya", "stew",
        "drink", "drinks", "water", "omi", "mmiri", "ruwa", "small", "big", "large", "medium", "special", "combo", "extra", "fried",
        "grilled", "spicy", "sauce", "abinci", "oúnjẹ", "nri", "cold",
    }.Select(TextFolding.Fold).ToHashSet(StringComparer.Ordinal);

    public static bool Contains(string token) => Words.Contains(token);
}
