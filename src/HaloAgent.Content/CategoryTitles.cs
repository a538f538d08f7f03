using HaloAgent.Platform.Languages;

namespace HaloAgent.Content;

/// <summary>
/// Menu section titles in the customer's language. Categories are the owner's own words (in English in the catalog);
/// the usual ones of a Nigerian kitchen are translated here, and any other keeps the owner's text rather than a guess.
/// Every title fits a WhatsApp section title (24 characters).
/// </summary>
public static class CategoryTitles
{
    /// <summary>By the folded English category: Pidgin, Yoruba, Igbo, Hausa.</summary>
    private static readonly Dictionary<string, (string Pcm, string Yo, string Ig, string Ha)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rice"] = ("Rice", "Ìrẹsì", "Osikapa", "Shinkafa"),
        ["grills"] = ("Grills", "Ẹran yíyan", "Anụ a ṅara n'ọkụ", "Gasasshen nama"),
        ["snacks"] = ("Small chops", "Ìpanu", "Nri nta", "Kayan ciye-ciye"),
        ["sides"] = ("Extra", "Àfikún oúnjẹ", "Nri mgbakwunye", "Ƙarin abinci"),
        ["swallow & soup"] = ("Swallow & soup", "Òkèlè àti ọbẹ̀", "Nri na ofe", "Tuwo da miya"),
        ["swallow and soup"] = ("Swallow & soup", "Òkèlè àti ọbẹ̀", "Nri na ofe", "Tuwo da miya"),
        ["soups"] = ("Soup", "Ọbẹ̀", "Ofe", "Miya"),
        ["swallow"] = ("Swallow", "Òkèlè", "Nri", "Tuwo"),
        ["drinks"] = ("Drinks", "Ohun mímu", "Ihe ọṅụṅụ", "Abin sha"),
        ["proteins"] = ("Meat & fish", "Ẹran àti ẹja", "Anụ na azụ", "Nama da kifi"),
        ["breakfast"] = ("Breakfast", "Oúnjẹ àárọ̀", "Nri ụtụtụ", "Karin kumallo"),
    };

    /// <summary>The title of <paramref name="category"/> in <paramref name="language"/>; the owner's text when it is not a known one.</summary>
    public static string For(string category, string? language)
    {
        if (!Known.TryGetValue(category.Trim(), out var titles))
        {
            return category;
        }

        return LanguageCodes.Normalize(language) switch
        {
            LanguageCodes.Pidgin => titles.Pcm,
            LanguageCodes.Yoruba => titles.Yo,
            LanguageCodes.Igbo => titles.Ig,
            LanguageCodes.Hausa => titles.Ha,
            _ => category,
        };
    }
}
