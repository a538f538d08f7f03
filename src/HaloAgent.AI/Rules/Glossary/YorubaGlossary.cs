using HaloAgent.Platform.Languages;

namespace HaloAgent.AI.Rules.Glossary;

/// <summary>
/// Yoruba, written with tone marks and dots below as a native speaker would; entries are folded, so "mo fẹ́ ra" also
/// matches the "mo fe ra" customers usually type.
/// </summary>
internal static class YorubaGlossary
{
    private const string Yo = LanguageCodes.Yoruba;

    public static void AddTo(LexiconBuilder b)
    {
        b.Intent(Intent.Greet, Yo,
            "ẹ káàárọ̀", "ẹkáàárọ̀", "káàárọ̀", "ẹ kaarọ", "ẹkaarọ", "kaarọ", "ẹ kú àárọ̀", "ẹ káàsán", "ẹkáàsán", "ẹ kú ọ̀sán", "ẹ káalẹ́", "ẹkáalẹ́",
            "ẹ kú ìrọ̀lẹ́", "báwo ni", "báwo", "ṣé dáadáa ni", "pẹ̀lẹ́", "ẹ nlẹ́", "ẹ n lẹ́", "ẹ kú iṣẹ́", "ẹ kú ọjà");
        b.Intent(Intent.Browse, Yo,
            "kí ni ẹ ní", "kíni ẹ ní", "kí lẹ ní", "kí ló wà", "kílò wà", "kí ni ẹ ń tà", "ẹ fi menu hàn mí",
            "ẹ fi ohun tí ẹ ní hàn mí", "mo fẹ́ rí menu", "kí ni ẹ ní lónìí");
        b.Intent(Intent.Order, Yo,
            "mo fẹ́ ra", "mofẹ́ ra", "mo fẹ́", "mofẹ́", "mo fẹ́ gbà", "ẹ fún mi ní", "fún mi ní", "fún mi", "mo fẹ́ jẹ");
        // "Fi X kún" (add X) and "yọ X kúrò" (take X out) wrap the product, so each half counts on its own.
        b.Intent(Intent.Add, Yo, "fi kún", "ẹ fi kún", "fi kún un", "àfikún", "ṣe àfikún", "ẹ tún fi", "kún");
        b.Intent(Intent.Remove, Yo, "yọ kúrò", "ẹ yọ", "yọ ọ́ kúrò", "mi ò fẹ́", "mi ò fẹ́ẹ", "kúrò");
        b.Intent(Intent.Remove, Yo, PhraseScope.Leading, "yọ");
        // "Ẹ ṣe é ní mẹ́ta" (make it three), "kí jollof jẹ́ mẹ́rin" (let the jollof be four): only with a number.
        b.Intent(Intent.Quantity, Yo, "ẹ ṣe é ní", "ẹ jẹ́ kí", "jẹ́", "ẹ yí i sí", "yí i sí", "dípò");
        b.Intent(Intent.Price, Yo,
            "èló ni", "èló", "èló ló jẹ́", "èló ni owó rẹ̀", "iye owó", "owó mélòó", "mélòó ni", "èló ni gbogbo rẹ̀");
        b.Intent(Intent.Status, Yo,
            "níbo ni order mi wà", "níbo ni ọjà mi wà", "níbo ni oúnjẹ mi wà", "oúnjẹ mi dà", "order mi dà",
            "ṣé ó ti ń bọ̀", "ìgbà wo ló máa dé", "ṣé ó ti ṣetán");
        b.Intent(Intent.Paid, Yo,
            "mo ti sanwó", "mo ti san owó", "mo ti san", "mo ti fi owó ránṣẹ́", "mo ti transfer", "mo ti ṣe transfer",
            "mo ti sanwó tán");
        b.Intent(Intent.Cancel, Yo,
            "fagilé", "ẹ fagilé", "fagilé order", "mi ò fẹ́ mọ́", "mi ò fẹ́ ẹ mọ́", "ẹ fi sílẹ̀");
        b.Intent(Intent.Human, Yo,
            "mo fẹ́ bá ènìyàn sọ̀rọ̀", "mo fẹ́ bá ẹnìkan sọ̀rọ̀", "mo fẹ́ bá ènìyàn gidi sọ̀rọ̀", "ènìyàn gidi",
            "mo fẹ́ bá ọ̀gá sọ̀rọ̀", "ẹ pè mí", "bá ènìyàn sọ̀rọ̀", "mo fẹ́ bá yín sọ̀rọ̀", "ẹ jẹ́ kí n bá ènìyàn sọ̀rọ̀",
            "mo fẹ́ bá ẹnìkan sọ̀rọ̀ jọ̀ọ́", "ẹ so mí pọ̀ mọ́ ènìyàn", "mo fẹ́ ènìyàn gidi", "ènìyàn ni mo fẹ́ bá sọ̀rọ̀",
            "mo fẹ́ bá olùtajà sọ̀rọ̀", "ẹ fún mi ní ènìyàn", "mo fẹ́ bá ẹni tó ni ilé oúnjẹ sọ̀rọ̀");
        // "Ẹ dákẹ́" (be quiet) and "ẹ dẹ́kun" (cease) are the short opt-outs; the sentence forms say "don't send to me anymore".
        b.Intent(Intent.Stop, Yo, PhraseScope.Whole, "ẹ dákẹ́", "dákẹ́", "ẹ dẹ́kun", "dẹ́kun", "ẹ dá a dúró", "dá a dúró", "ẹ yé");
        b.Intent(Intent.Stop, Yo,
            "ẹ má fi ránṣẹ́ sí mi mọ́", "ẹ má ránṣẹ́ mọ́", "má ránṣẹ́ mọ́", "ẹ dẹ́kun fífi ránṣẹ́", "ẹ má fi ọ̀rọ̀ ránṣẹ́ mọ́",
            "ẹ má fi ọ̀rọ̀ ránṣẹ́ sí mi mọ́", "ẹ má fi ìpolówó ránṣẹ́ sí mi mọ́", "ẹ má ránṣẹ́ sí mi mọ́", "má ránṣẹ́ sí mi mọ́",
            "mi ò fẹ́ ọ̀rọ̀ yín mọ́", "mi ò fẹ́ ìpolówó mọ́", "mi ò fẹ́ ìránnilétí mọ́", "ẹ dá ìránnilétí dúró",
            "ẹ dá ìpolówó dúró", "ẹ dá ọ̀rọ̀ dúró", "ẹ dẹ́kun ìpolówó", "ẹ dẹ́kun ìránnilétí", "ẹ dẹ́kun láti fi ọ̀rọ̀ ránṣẹ́",
            "ẹ yọ mí kúrò nínú àkọsílẹ̀ yín", "ẹ yọ nọ́mbà mi kúrò", "ẹ má kọ̀wé sí mi mọ́", "ẹ má yọ mí lẹ́nu mọ́",
            "ẹ fi mí sílẹ̀", "mi ò fẹ́ gbọ́ mọ́");
        b.Intent(Intent.Start, Yo, PhraseScope.Whole, "ẹ bẹ̀rẹ̀", "bẹ̀rẹ̀");
        b.Intent(Intent.Start, Yo, "ẹ tún bẹ̀rẹ̀", "ẹ tún máa fi ránṣẹ́ sí mi", "ẹ máa fi ránṣẹ́ sí mi", "ẹ tún bẹ̀rẹ̀ sí fi ránṣẹ́",
            "mo fẹ́ ìpolówó padà");
        b.Intent(Intent.Confirm, Yo, PhraseScope.Leading,
            "bẹ́ẹ̀ni", "bẹ́ẹ̀ ni", "bẹ́ni", "ó dáa", "ó dára", "dáadáa", "ó yá");
        b.Intent(Intent.Decline, Yo, PhraseScope.Leading, "rárá", "rárá o", "bẹ́ẹ̀kọ́", "bẹ́ẹ̀ kọ́", "yí i padà", "mo fẹ́ yí i padà",
            "ẹ yí i padà");
        b.Intent(Intent.Smalltalk, Yo,
            "ẹ ṣé", "ẹ ṣeun", "ẹṣé", "ẹ ṣé gan", "ẹ ṣé púpọ̀", "ọ ṣé", "o ṣeun", "a dúpẹ́", "adúpẹ́");

        // The templates call the cart "àpò ọjà" (shopping bag); customers also say "ohun tí mo yàn" (what I chose).
        b.Intent(Intent.Reorder, Yo,
            "bí ti ẹ̀ẹ̀kan", "bíi ti ẹ̀ẹ̀kan", "bí ti tẹ́lẹ̀", "bíi ti tẹ́lẹ̀", "èyí tí mo rà tẹ́lẹ̀", "ohun tí mo rà tẹ́lẹ̀",
            "irú èyí tí mo rà tẹ́lẹ̀", "bíi ti àtẹ̀yìnwá", "ohun tí mo máa ń rà", "bákan náà bíi ti tẹ́lẹ̀");
        b.Intent(Intent.Cart, Yo,
            "àpò ọjà mi", "àpò ọjà", "ẹ fi àpò ọjà mi hàn mí", "kí ló wà nínú àpò ọjà mi", "ohun tí mo ti yàn",
            "kí ni mo ti yàn", "ẹ fi ohun tí mo yàn hàn mí", "ohun tí mo yàn", "ẹ fi order mi hàn mí", "cart mi");
        b.Intent(Intent.Checkout, Yo,
            "ó tó", "ó ti tó", "ó tó bẹ́ẹ̀", "ìyẹn nìkan", "ìyẹn ni gbogbo rẹ̀", "ìyẹn náà ni", "kò sí mọ́", "kò sí nǹkan mìíràn",
            "mo ti parí", "mo ti yàn tán", "tán", "ó ti tán", "ẹ jẹ́ kí n sanwó", "mo fẹ́ sanwó", "mo ṣetán láti sanwó",
            "ìyẹn ti tó");
        b.Intent(Intent.Availability, Yo,
            "ṣé ẹ ní", "ṣe ẹ ní", "ẹ ní", "ṣé ó wà", "ṣé ó ṣì wà", "ó ṣì wà", "ṣé ẹ ṣì ní", "ẹ ṣì ní", "ṣé ẹ ń tà", "ó ti tán bí");
        b.Intent(Intent.Details, Yo,
            "kí ló wà nínú", "kí ni ó wà nínú", "kí ló wà nínú ẹ̀", "báwo ló ṣe tóbi tó", "ó tóbi tó", "ó tóbi tó báwo",
            "ṣe tóbi tó", "tóbi tó", "mélòó ló wà nínú", "kí ló bá a wá", "kí ni wọ́n fi ṣe");
        b.Fulfil(Fulfilment.Delivery, Yo,
            "ẹ gbé e wá", "ẹ gbé wá", "gbé e wá", "gbé wá", "ẹ mú u wá", "ẹ mú wá", "ẹ fi ránṣẹ́ sí mi", "ẹ gbé e wá fún mi",
            "ẹ gbé e wá sí ilé", "ẹ mú u wá sí ilé", "kí ẹ gbé e wá");
        b.Fulfil(Fulfilment.Pickup, Yo,
            "màá wá gbà á", "màá wá gbà", "mà á wá gbà á", "èmi yóò wá gbà á", "mo máa wá gbà á", "màá wá mú u",
            "màá wá gbé e", "màá wá gbà", "màá wá mú", "màá wá", "mo máa wá gbà", "èmi ni màá wá gbà á", "màá wá gbé",
            "màá wá ra", "ẹ jẹ́ kí n wá gbà á");

        b.Number(1, Yo, "ọ̀kan", "ookan", "kan");
        b.Number(2, Yo, "méjì", "èéjì");
        b.Number(3, Yo, "mẹ́ta", "ẹ̀ẹ́ta");
        b.Number(4, Yo, "mẹ́rin", "ẹ̀ẹ́rin");
        b.Number(5, Yo, "márùn-ún", "márùnún", "márùn", "àárùn-ún", "àárùn");
        b.Number(6, Yo, "mẹ́fà", "ẹ̀ẹ́fà");
        b.Number(7, Yo, "méje", "èéje");
        b.Number(8, Yo, "mẹ́jọ", "ẹ̀ẹ́jọ");
        b.Number(9, Yo, "mẹ́sàn-án", "mẹ́sànán", "mẹ́sàn", "ẹ̀ẹ́sàn");
        b.Number(10, Yo, "mẹ́wàá", "mẹ́wà", "ẹ̀ẹ́wàá");
        b.Number(11, Yo, "mọ́kànlá", "ọ̀kanlá");
        b.Number(12, Yo, "méjìlá", "èjìlá");
        b.Number(13, Yo, "mẹ́tàlá", "ẹ̀ẹ́tàlá");
        b.Number(14, Yo, "mẹ́rìnlá", "ẹ̀ẹ́rìnlá");
        b.Number(15, Yo, "mẹ́ẹ̀ẹ́dógún", "mẹ́ẹ́dógún", "ẹ̀ẹ́dógún", "márùndínlógún");
        b.Number(16, Yo, "mẹ́rìndínlógún", "ẹ̀ẹ́rìndínlógún");
        b.Number(17, Yo, "mẹ́tàdínlógún", "ẹ̀ẹ́tàdínlógún");
        b.Number(18, Yo, "méjìdínlógún", "èéjìdínlógún");
        b.Number(19, Yo, "mọ́kàndínlógún", "ọ̀kàndínlógún");
        b.Number(20, Yo, "ogún", "ogun");

        b.Filler(Yo, 1.5, "ẹ jọ̀ọ́", "ẹjọ̀ọ́", "jọ̀ọ́", "jọ̀wọ́", "ẹ jọ̀wọ́", "ẹ̀jọ̀wọ́");
        b.Filler(Yo, 0.7, "mo", "ẹyọ", "àwo", "tí", "gbogbo", "fi", "ìgò", "abọ́", "ọ̀rá", "lédà", "àpò");
        b.Filler(Yo, 0.4, "mi", "sí", "wà", "rẹ̀");
        b.Filler("pcm,yo", 0.3, "ẹ");
        b.Filler("yo,ha", 0.3, "ni");
        b.Conjunction(Yo, 1.0, "àti");
    }
}
