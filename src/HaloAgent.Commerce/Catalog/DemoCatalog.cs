using HaloAgent.Platform.Languages;

namespace HaloAgent.Commerce.Catalog;

/// <summary>
/// Mama Nkechi's Kitchen's menu, named the way customers name the food in each language. Customers mix English names
/// into every language, so aliases hold spellings, short forms and local names; the NLU folds diacritics.
/// </summary>
public static class DemoCatalog
{
    public static IReadOnlyList<ProductDraft> Products { get; } =
    [
        Item("JOLLOF-RICE", 3_500_00, 40, "Rice",
            en: "Jollof rice & chicken", pcm: "Jollof rice and chicken", yo: "Ìrẹsì jọ̀lọ́ọ̀fù pẹ̀lú adìẹ", ig: "Osikapa jollof na ọkụkọ", ha: "Shinkafa dafa-duka da kaza",
            "jollof", "jollof rice", "jolof", "jellof", "party jollof", "iresi jollof", "osikapa jollof", "shinkafa jollof", "dafa duka"),
        Item("FRIED-RICE", 3_800_00, 30, "Rice",
            en: "Fried rice & chicken", pcm: "Fried rice and chicken", yo: "Ìrẹsì díndín pẹ̀lú adìẹ", ig: "Osikapa e ghere eghe na ọkụkọ", ha: "Soyayyar shinkafa da kaza",
            "fried rice", "fry rice", "frid rice", "iresi dindin", "soyayyar shinkafa"),
        Item("SUYA", 1_500_00, 50, "Grills",
            en: "Beef suya (wrap)", pcm: "Suya", yo: "Súyà ẹran màlúù", ig: "Suya anụ ehi", ha: "Tsiren nama",
            "suya", "beef suya", "tsire", "tsere", "suya meat"),
        Item("PUFF-PUFF", 1_000_00, 60, "Snacks",
            en: "Puff-puff (10 pieces)", pcm: "Puff-puff (10 pieces)", yo: "Puff-puff (mẹ́wàá)", ig: "Puff-puff (iri)", ha: "Fanke (guda goma)",
            "puff puff", "puffpuff", "puff", "fanke", "bofrot"),
        Item("MOI-MOI", 800_00, 40, "Sides",
            en: "Moi moi", pcm: "Moi moi", yo: "Ọ̀lẹ̀lẹ̀", ig: "Moi moi", ha: "Alale",
            "moi moi", "moimoi", "moin moin", "moin-moin", "olele", "alale", "mai mai"),
        Item("POUNDED-YAM-EGUSI", 4_500_00, 25, "Swallow & soup",
            en: "Pounded yam & egusi soup", pcm: "Pounded yam and egusi soup", yo: "Iyán àti ọbẹ̀ ẹ̀gúsí", ig: "Utara ji na ofe egwusi", ha: "Sakwara da miyar agushi",
            "pounded yam", "poundo", "iyan", "egusi", "egusi soup", "utara ji", "ofe egwusi", "sakwara", "miyar agushi"),
        Item("AMALA-EWEDU", 3_000_00, 25, "Swallow & soup",
            en: "Amala, ewedu & gbegiri", pcm: "Amala and ewedu", yo: "Àmàlà, ewédú àti gbẹ̀gìrì", ig: "Amala na ofe ewedu", ha: "Amala da miyar ewedu",
            "amala", "abula", "ewedu", "gbegiri", "amala and ewedu"),
        Item("OFE-ONUGBU", 4_200_00, 20, "Swallow & soup",
            en: "Bitterleaf soup & fufu", pcm: "Ofe onugbu and fufu", yo: "Ọbẹ̀ ewúro àti fùfú", ig: "Ofe onugbu na akpụ", ha: "Miyar shuwaka da tuwon rogo",
            "ofe onugbu", "onugbu", "bitterleaf", "bitter leaf soup", "fufu", "akpu", "shuwaka"),
        Item("TUWO-MIYAN-KUKA", 3_000_00, 20, "Swallow & soup",
            en: "Tuwo shinkafa & miyan kuka", pcm: "Tuwo and miyan kuka", yo: "Tuwo ìrẹsì àti ọbẹ̀ kúkà", ig: "Tuwo osikapa na ofe kuka", ha: "Tuwon shinkafa da miyar kuka",
            "tuwo", "tuwo shinkafa", "miyan kuka", "miyar kuka", "kuka soup"),
        Item("DODO", 800_00, 50, "Sides",
            en: "Fried plantain (dodo)", pcm: "Dodo", yo: "Dòdò", ig: "Dodo", ha: "Soyayyen agade (dodo)",
            "dodo", "plantain", "fried plantain", "agade"),
        Item("MEAT-PIE", 1_000_00, 40, "Snacks",
            en: "Meat pie", pcm: "Meat pie", yo: "Meat pie", ig: "Meat pie", ha: "Meat pie",
            "meat pie", "meatpie", "pie"),
        Item("CHAPMAN", 1_500_00, 40, "Drinks",
            en: "Chapman (50cl)", pcm: "Chapman", yo: "Chapman", ig: "Chapman", ha: "Chapman",
            "chapman", "chap man", "chapmann"),
        Item("ZOBO", 700_00, 60, "Drinks",
            en: "Zobo (50cl)", pcm: "Zobo", yo: "Zobo (ṣóbó)", ig: "Zobo", ha: "Zoɓo",
            "zobo", "sobo", "zoborodo", "zoɓo", "hibiscus"),
        Item("MALT", 700_00, 48, "Drinks",
            en: "Malt drink", pcm: "Malt", yo: "Malt", ig: "Malt", ha: "Malt",
            "malt", "maltina", "malta", "amstel malta"),
        Item("WATER", 300_00, 100, "Drinks",
            en: "Bottled water (75cl)", pcm: "Bottle water", yo: "Omi inú ìgò", ig: "Mmiri karama", ha: "Ruwan roba",
            "water", "bottle water", "omi", "mmiri", "ruwa", "ruwan roba"),
    ];

    private static ProductDraft Item(string sku, long priceKobo, int stock, string category,
        string en, string pcm, string yo, string ig, string ha, params string[] aliases) =>
        new(sku,
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [LanguageCodes.English] = en,
                [LanguageCodes.Pidgin] = pcm,
                [LanguageCodes.Yoruba] = yo,
                [LanguageCodes.Igbo] = ig,
                [LanguageCodes.Hausa] = ha,
            },
            aliases,
            priceKobo,
            stock,
            category);
}
