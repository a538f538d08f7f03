namespace HaloAgent.AI.Rules.Glossary;

/// <summary>Igbo, written with its dotted vowels (ị ọ ụ) and folded for matching like the others.</summary>
internal static class IgboGlossary
{
    private const string Ig = Languages.Igbo;

    public static void AddTo(LexiconBuilder b)
    {
        b.Intent(Intent.Greet, Ig,
            "ndewo", "ndeewo", "kedu", "kedụ ka ị mere", "kedụ ka ị dị", "kedụ ka ọ dị", "ụtụtụ ọma", "ehihie ọma",
            "mgbede ọma", "nnọọ", "ibọla chi");
        b.Intent(Intent.Browse, Ig,
            "gịnị ka unu nwere", "gịnị ka ị nwere", "gịnị ka unu na-ere", "gosi m menu", "gosi m ihe unu nwere",
            "kedu ihe unu nwere", "ihe unu nwere");
        b.Intent(Intent.Order, Ig,
            "achọrọ m ịzụta", "achọrọ m", "a chọrọ m", "achọrọ m ka m zụta", "m chọrọ ịzụta", "m chọrọ", "nye m",
            "achọrọ m ịzụ", "ka m zụta");
        b.Intent(Intent.Add, Ig, "tinye", "tinyekwa", "tinye ọzọ", "gbakwụnye");
        b.Intent(Intent.Remove, Ig, "wepụ", "wepụ ya", "wepụta", "achọghị m");
        b.Intent(Intent.Price, Ig,
            "ego ole", "ole ego", "ego ole ka ọ bụ", "ọ bụ ego ole", "ọnụ ahịa", "ego ole ka ọ dị");
        b.Intent(Intent.Status, Ig,
            "ebee ka order m dị", "ebee ka nri m dị", "order m ọ ruola", "ọ ruola", "olee mgbe ọ ga-abịa", "ebee ka ọ dị");
        b.Intent(Intent.Paid, Ig,
            "akwụọla m ụgwọ", "akwụọla m", "a kwụọla m ụgwọ", "ezigala m ego", "eziterela m ego", "m kwụọla ụgwọ",
            "akwụọla m ego", "m akwụọla");
        b.Intent(Intent.Cancel, Ig,
            "kagbuo", "kagbuo ya", "kagbuo order", "achọghị m ya ọzọ", "achọghị m ọzọ", "hapụ ya", "kansụl");
        b.Intent(Intent.Human, Ig,
            "achọrọ m ịgwa mmadụ okwu", "achọrọ m ikwu okwu na mmadụ", "mmadụ n'ezie", "ịgwa mmadụ okwu", "kpọọ m",
            "achọrọ m ka mmadụ kpọọ m");
        // "Kwụsị" (stop) on its own opts out; the sentence forms say "don't send me messages again".
        b.Intent(Intent.Stop, Ig, PhraseScope.Whole, "kwụsị", "kwụsị ya");
        b.Intent(Intent.Stop, Ig,
            "kwụsị izitere m ozi", "ezitekwala m ozi", "ezitela m ozi ọzọ", "achọghị m ozi ọzọ");
        b.Intent(Intent.Start, Ig, PhraseScope.Whole, "malite", "bido", "bịdo");
        b.Intent(Intent.Start, Ig, "malite ọzọ");
        b.Intent(Intent.Confirm, "ig,ha", PhraseScope.Leading, "ee", "eee");
        b.Intent(Intent.Confirm, Ig, PhraseScope.Leading, "ọ dị mma", "odimma", "ngwa", "ọfụma");
        b.Intent(Intent.Decline, Ig, PhraseScope.Leading, "mba", "mba o", "mba nke a");
        b.Intent(Intent.Smalltalk, Ig,
            "daalụ", "dalụ", "imeela", "ịmela", "i meela", "daalụ nke ukwuu", "chukwu gọzie gị");

        b.Fulfil(Fulfilment.Delivery, Ig, "bute ya", "bute", "weta ya", "weta", "zitere m ya", "ziga ya");
        b.Fulfil(Fulfilment.Pickup, Ig,
            "aga m abịa were ya", "m ga-abịa were ya", "abịa m were ya", "aga m abịa", "aga m abịa bute ya");

        b.Number(1, Ig, "otu");
        b.Number(2, Ig, "abụọ");
        b.Number(3, Ig, "atọ");
        b.Number(4, Ig, "anọ");
        b.Number(5, Ig, "ise");
        b.Number(6, Ig, "isii");
        b.Number(7, Ig, "asaa");
        b.Number(8, Ig, "asatọ");
        b.Number(9, Ig, "itoolu", "iteghete");
        b.Number(10, Ig, "iri");

        b.Filler(Ig, 1.5, "biko", "unu", "ngwa ngwa", "nwere");
        b.Filler(Ig, 0.7, "nke", "ọzọ", "ihe", "maka", "efere", "mpekere", "gị");
        b.Filler(Ig, 0.5, "m", "ka");
        b.Filler("ig,ha", 0.3, "ya");
    }
}
