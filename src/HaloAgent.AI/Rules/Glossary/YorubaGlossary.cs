namespace HaloAgent.AI.Rules.Glossary;

/// <summary>
/// Yoruba, written with tone marks and dots below as a native speaker would; entries are folded, so "mo fẹ́ ra" also
/// matches the "mo fe ra" customers usually type.
/// </summary>
internal static class YorubaGlossary
{
    private const string Yo = Languages.Yoruba;

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
            "mo fẹ́ bá ọ̀gá sọ̀rọ̀", "ẹ pè mí", "bá ènìyàn sọ̀rọ̀");
        // "Ẹ dákẹ́" (be quiet) and "ẹ dẹ́kun" (cease) are the short opt-outs; the sentence forms say "don't send to me anymore".
        b.Intent(Intent.Stop, Yo, PhraseScope.Whole, "ẹ dákẹ́", "dákẹ́", "ẹ dẹ́kun", "dẹ́kun");
        b.Intent(Intent.Stop, Yo,
            "ẹ má fi ránṣẹ́ sí mi mọ́", "ẹ má ránṣẹ́ mọ́", "má ránṣẹ́ mọ́", "ẹ dẹ́kun fífi ránṣẹ́", "ẹ má fi ọ̀rọ̀ ránṣẹ́ mọ́");
        b.Intent(Intent.Start, Yo, PhraseScope.Whole, "ẹ bẹ̀rẹ̀", "bẹ̀rẹ̀");
        b.Intent(Intent.Start, Yo, "ẹ tún bẹ̀rẹ̀");
        b.Intent(Intent.Confirm, Yo, PhraseScope.Leading,
            "bẹ́ẹ̀ni", "bẹ́ẹ̀ ni", "bẹ́ni", "ó dáa", "ó dára", "dáadáa", "ó yá");
        b.Intent(Intent.Decline, Yo, PhraseScope.Leading, "rárá", "rárá o", "bẹ́ẹ̀kọ́", "bẹ́ẹ̀ kọ́");
        b.Intent(Intent.Smalltalk, Yo,
            "ẹ ṣé", "ẹ ṣeun", "ẹṣé", "ẹ ṣé gan", "ẹ ṣé púpọ̀", "ọ ṣé", "o ṣeun", "a dúpẹ́", "adúpẹ́");

        b.Fulfil(Fulfilment.Delivery, Yo,
            "ẹ gbé e wá", "ẹ gbé wá", "gbé e wá", "gbé wá", "ẹ mú u wá", "ẹ mú wá", "ẹ fi ránṣẹ́ sí mi");
        b.Fulfil(Fulfilment.Pickup, Yo,
            "màá wá gbà á", "màá wá gbà", "mà á wá gbà á", "èmi yóò wá gbà á", "mo máa wá gbà á", "màá wá mú u",
            "màá wá gbé e");

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

        b.Filler(Yo, 1.5, "ẹ jọ̀ọ́", "ẹjọ̀ọ́", "jọ̀ọ́", "jọ̀wọ́", "ẹ jọ̀wọ́", "ẹ̀jọ̀wọ́");
        b.Filler(Yo, 0.7, "mo", "ẹyọ", "àwo", "tí", "gbogbo", "fi");
        b.Filler(Yo, 0.4, "mi", "sí", "wà", "rẹ̀");
        b.Filler("pcm,yo", 0.3, "ẹ");
        b.Filler("yo,ha", 0.3, "ni");
        b.Conjunction(Yo, 1.0, "àti");
    }
}
