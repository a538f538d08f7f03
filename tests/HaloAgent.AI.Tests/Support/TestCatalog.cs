using HaloAgent.AI;

namespace HaloAgent.AI.Tests.Support;

/// <summary>A small kitchen menu like the demo business's, with names in all five languages and the aliases customers use.</summary>
public static class TestCatalog
{
    public const string Jollof = "JOLLOF-RICE";
    public const string FriedRice = "FRIED-RICE";
    public const string Suya = "BEEF-SUYA";
    public const string PuffPuff = "PUFF-PUFF";
    public const string Zobo = "ZOBO";
    public const string Moimoi = "MOIN-MOIN";
    public const string PepperSoup = "GOAT-PEPPER-SOUP";

    public static IReadOnlyList<CatalogEntry> Entries { get; } =
    [
        Entry(Jollof, 350_000, 40, ["jollof", "jellof", "party jollof"],
            ("en", "Jollof Rice"), ("pcm", "Jollof Rice"), ("yo", "Ìrẹsì Jollof"), ("ig", "Osikapa Jollof"), ("ha", "Shinkafa Jollof")),
        Entry(FriedRice, 380_000, 25, ["fried rice"],
            ("en", "Fried Rice"), ("pcm", "Fried Rice"), ("yo", "Ìrẹsì Díndín"), ("ig", "Osikapa E ghere eghe"), ("ha", "Soyayyar Shinkafa")),
        Entry(Suya, 250_000, 30, ["suya", "beef suya"],
            ("en", "Beef Suya"), ("pcm", "Suya"), ("yo", "Súyà Ẹran Màlúù"), ("ig", "Suya Anụ Ehi"), ("ha", "Tsire")),
        Entry(PuffPuff, 50_000, 100, ["puff puff", "puff-puff", "bofrot"],
            ("en", "Puff-Puff"), ("yo", "Pọ́ọ̀fù-pọ́ọ̀fù"), ("ha", "Fanke")),
        Entry(Zobo, 80_000, 60, ["zobo drink", "zobo"],
            ("en", "Zobo"), ("ha", "Zoɓo")),
        Entry(Moimoi, 120_000, 0, ["moi moi", "moimoi", "moin moin"],
            ("en", "Moin Moin"), ("yo", "Ọ̀lẹ̀lẹ̀"), ("ig", "Mai Mai")),
        Entry(PepperSoup, 450_000, 10, ["pepper soup", "peppersoup"],
            ("en", "Goat Meat Pepper Soup"), ("ig", "Ofe Nsala Anụ Ewu"), ("ha", "Farfesun Naman Akuya")),
    ];

    private static CatalogEntry Entry(string sku, long priceKobo, int stock, string[] aliases, params (string Language, string Name)[] names) =>
        new(sku, names.ToDictionary(n => n.Language, n => n.Name), aliases, priceKobo, stock);
}
