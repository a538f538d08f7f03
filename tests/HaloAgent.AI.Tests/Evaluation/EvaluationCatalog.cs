namespace HaloAgent.AI.Tests.Evaluation;

/// <summary>
/// The demo kitchen's fifteen dishes (a copy of HaloAgent.Commerce's DemoCatalog, which this project does not reference),
/// so the evaluation measures the menu customers actually see.
/// </summary>
public static class EvaluationCatalog
{
    public static IReadOnlyList<CatalogEntry> Entries { get; } =
    [
        Entry("JOLLOF-RICE", 3_500_00, 40, ["jollof", "jollof rice", "jolof", "jellof", "party jollof", "iresi jollof", "osikapa jollof", "shinkafa jollof", "dafa duka"],
            ("en", "Jollof rice & chicken"), ("pcm", "Jollof rice and chicken"), ("yo", "Ìrẹsì jọ̀lọ́ọ̀fù pẹ̀lú adìẹ"), ("ig", "Osikapa jollof na ọkụkọ"), ("ha", "Shinkafa dafa-duka da kaza")),
        Entry("FRIED-RICE", 3_800_00, 30, ["fried rice", "fry rice", "frid rice", "iresi dindin", "soyayyar shinkafa"],
            ("en", "Fried rice & chicken"), ("pcm", "Fried rice and chicken"), ("yo", "Ìrẹsì díndín pẹ̀lú adìẹ"), ("ig", "Osikapa e ghere eghe na ọkụkọ"), ("ha", "Soyayyar shinkafa da kaza")),
        Entry("SUYA", 1_500_00, 50, ["suya", "beef suya", "tsire", "tsere", "suya meat"],
            ("en", "Beef suya (wrap)"), ("pcm", "Suya"), ("yo", "Súyà ẹran màlúù"), ("ig", "Suya anụ ehi"), ("ha", "Tsiren nama")),
        Entry("PUFF-PUFF", 1_000_00, 60, ["puff puff", "puffpuff", "puff", "fanke", "bofrot"],
            ("en", "Puff-puff (10 pieces)"), ("pcm", "Puff-puff (10 pieces)"), ("yo", "Puff-puff (mẹ́wàá)"), ("ig", "Puff-puff (iri)"), ("ha", "Fanke (guda goma)")),
        Entry("MOI-MOI", 800_00, 40, ["moi moi", "moimoi", "moin moin", "moin-moin", "olele", "alale", "mai mai"],
            ("en", "Moi moi"), ("pcm", "Moi moi"), ("yo", "Ọ̀lẹ̀lẹ̀"), ("ig", "Moi moi"), ("ha", "Alale")),
        Entry("POUNDED-YAM-EGUSI", 4_500_00, 25, ["pounded yam", "poundo", "iyan", "egusi", "egusi soup", "utara ji", "ofe egwusi", "sakwara", "miyar agushi"],
            ("en", "Pounded yam & egusi soup"), ("pcm", "Pounded yam and egusi soup"), ("yo", "Iyán àti ọbẹ̀ ẹ̀gúsí"), ("ig", "Utara ji na ofe egwusi"), ("ha", "Sakwara da miyar agushi")),
        Entry("AMALA-EWEDU", 3_000_00, 25, ["amala", "abula", "ewedu", "gbegiri", "amala and ewedu"],
            ("en", "Amala, ewedu & gbegiri"), ("pcm", "Amala and ewedu"), ("yo", "Àmàlà, ewédú àti gbẹ̀gìrì"), ("ig", "Amala na ofe ewedu"), ("ha", "Amala da miyar ewedu")),
        Entry("OFE-ONUGBU", 4_200_00, 20, ["ofe onugbu", "onugbu", "bitterleaf", "bitter leaf soup", "fufu", "akpu", "shuwaka"],
            ("en", "Bitterleaf soup & fufu"), ("pcm", "Ofe onugbu and fufu"), ("yo", "Ọbẹ̀ ewúro àti fùfú"), ("ig", "Ofe onugbu na akpụ"), ("ha", "Miyar shuwaka da tuwon rogo")),
        Entry("TUWO-MIYAN-KUKA", 3_000_00, 20, ["tuwo", "tuwo shinkafa", "miyan kuka", "miyar kuka", "kuka soup"],
            ("en", "Tuwo shinkafa & miyan kuka"), ("pcm", "Tuwo and miyan kuka"), ("yo", "Tuwo ìrẹsì àti ọbẹ̀ kúkà"), ("ig", "Tuwo osikapa na ofe kuka"), ("ha", "Tuwon shinkafa da miyar kuka")),
        Entry("DODO", 800_00, 50, ["dodo", "plantain", "fried plantain", "agade"],
            ("en", "Fried plantain (dodo)"), ("pcm", "Dodo"), ("yo", "Dòdò"), ("ig", "Dodo"), ("ha", "Soyayyen agade (dodo)")),
        Entry("MEAT-PIE", 1_000_00, 40, ["meat pie", "meatpie", "pie"],
            ("en", "Meat pie"), ("pcm", "Meat pie"), ("yo", "Meat pie"), ("ig", "Meat pie"), ("ha", "Meat pie")),
        Entry("CHAPMAN", 1_500_00, 40, ["chapman", "chap man", "chapmann"],
            ("en", "Chapman (50cl)"), ("pcm", "Chapman"), ("yo", "Chapman"), ("ig", "Chapman"), ("ha", "Chapman")),
        Entry("ZOBO", 700_00, 60, ["zobo", "sobo", "zoborodo", "zoɓo", "hibiscus"],
            ("en", "Zobo (50cl)"), ("pcm", "Zobo"), ("yo", "Zobo (ṣóbó)"), ("ig", "Zobo"), ("ha", "Zoɓo")),
        Entry("MALT", 700_00, 48, ["malt", "maltina", "malta", "amstel malta"],
            ("en", "Malt drink"), ("pcm", "Malt"), ("yo", "Malt"), ("ig", "Malt"), ("ha", "Malt")),
        Entry("WATER", 300_00, 100, ["water", "bottle water", "omi", "mmiri", "ruwa", "ruwan roba"],
            ("en", "Bottled water (75cl)"), ("pcm", "Bottle water"), ("yo", "Omi inú ìgò"), ("ig", "Mmiri karama"), ("ha", "Ruwan roba")),
    ];

    private static CatalogEntry Entry(string sku, long priceKobo, int stock, string[] aliases, params (string Language, string Name)[] names) =>
        new(sku, names.ToDictionary(n => n.Language, n => n.Name), aliases, priceKobo, stock);
}
