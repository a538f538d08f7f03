using HaloAgent.Platform.Languages;

namespace HaloAgent.AI.Rules.Glossary;

/// <summary>Igbo, written with its dotted vowels (ị ọ ụ) and folded for matching like the others.</summary>
internal static class IgboGlossary
{
    private const string Ig = LanguageCodes.Igbo;

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
            "achọrọ m ka mmadụ kpọọ m", "achọrọ m ịgwa onye nwe ụlọ nri okwu", "jikọọ m na mmadụ", "achọrọ m mmadụ",
            "achọrọ m ka mụ na mmadụ kwuo", "achọrọ m ka mụ na mmadụ kparịta ụka", "ka mụ na mmadụ kwuo okwu",
            "achọrọ m ịgwa onye isi okwu", "mmadụ biko", "achọrọ m ịgwa gị okwu");
        // "Kwụsị" (stop) on its own opts out; the sentence forms say "don't send me messages again".
        b.Intent(Intent.Stop, Ig, PhraseScope.Whole, "kwụsị", "kwụsị ya", "kwụsịnụ", "kwụsịnụ ya");
        b.Intent(Intent.Stop, Ig,
            "kwụsị izitere m ozi", "ezitekwala m ozi", "ezitela m ozi ọzọ", "achọghị m ozi ọzọ", "ezitekwala m ozi ọzọ",
            "kwụsị iziga m ozi", "kwụsị izite ozi", "achọghị m ozi unu ọzọ", "achọghị m mgbasa ozi ọzọ",
            "kwụsị mgbasa ozi", "kwụsị ncheta", "wepụ m na ndepụta unu", "ezigala m ozi ọzọ", "unu ezitekwala m ihe ọzọ",
            "kwụsịnụ izitere m ozi");
        b.Intent(Intent.Start, Ig, PhraseScope.Whole, "malite", "bido", "bịdo");
        b.Intent(Intent.Start, Ig, "malite ọzọ", "malitekwa izitere m ozi", "zitere m ozi ọzọ", "bido ọzọ");
        b.Intent(Intent.Confirm, "ig,ha", PhraseScope.Leading, "ee", "eee");
        b.Intent(Intent.Confirm, Ig, PhraseScope.Leading, "ọ dị mma", "odimma", "ngwa", "ọfụma");
        b.Intent(Intent.Decline, Ig, PhraseScope.Leading, "mba", "mba o", "mba nke a", "gbanwee iwu", "achọrọ m ịgbanwe ya",
            "gbanwee ya");
        b.Intent(Intent.Smalltalk, Ig,
            "daalụ", "dalụ", "imeela", "ịmela", "i meela", "daalụ nke ukwuu", "chukwu gọzie gị");

        // The templates call the cart "akpa ahịa" (shopping bag).
        b.Intent(Intent.Reorder, Ig,
            "dị ka nke gara aga", "dịka nke gara aga", "dị ka oge gara aga", "nke m zụrụ oge gara aga", "ihe m zụrụ oge gara aga",
            "otu ihe ahụ dị ka nke gara aga", "nke m na-azụkarị", "dị ka nke mbụ");
        b.Intent(Intent.Cart, Ig,
            "akpa ahịa m", "akpa ahịa", "gosi m akpa ahịa m", "gịnị dị n'akpa ahịa m", "ihe m họrọ", "gosi m ihe m họrọ",
            "gịnị ka m họrọ", "gosi m order m", "cart m");
        b.Intent(Intent.Checkout, Ig,
            "ọ zuola", "o zuola", "ọ zula", "ọ gwụla", "nke a zuru", "ọ bụ naanị ya", "naanị ya", "ọ bụ nke ahụ",
            "emechaala m", "emechala m", "agwụla m", "ọ dịghị ihe ọzọ", "ọ nweghị ihe ọzọ", "achọrọ m ịkwụ ụgwọ",
            "ka m kwụọ ụgwọ", "zuru oke");
        b.Intent(Intent.Availability, Ig,
            "unu nwere", "ị nwere", "i nwere", "e nwere", "unu ka nwere", "ọ ka dị", "ọ dị", "ọ fọdụrụ", "ọ gwụla n'ahịa");
        b.Intent(Intent.Details, Ig,
            "gịnị dị n'ime", "gịnị dị n'ime ya", "ọ buru ibu", "ole ka ọ buru", "ha ole dị n'ime", "gịnị ka e ji mee ya",
            "gịnị so ya");
        b.Intent(Intent.Quantity, Ig, "mee ya", "gbanwee ya ka ọ bụrụ", "ka ọ bụrụ", "mee ka ọ bụrụ");
        b.Fulfil(Fulfilment.Delivery, Ig, "bute ya", "bute", "weta ya", "weta", "zitere m ya", "ziga ya", "bute ya n'ụlọ m",
            "weta ya n'ụlọ");
        b.Fulfil(Fulfilment.Pickup, Ig,
            "aga m abịa were ya", "m ga-abịa were ya", "abịa m were ya", "aga m abịa", "aga m abịa bute ya", "aga m abịa nara ya",
            "m ga-abịa", "aga m abịa kpọrọ ya");

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
        string[] units = ["otu", "abụọ", "atọ", "anọ", "ise", "isii", "asaa", "asatọ", "itoolu"];
        for (var i = 0; i < units.Length; i++)
        {
            // Eleven is "iri na otu": ten and one.
            b.Number(11 + i, Ig, "iri na " + units[i]);
        }

        b.Number(19, Ig, "iri na iteghete");
        b.Number(20, Ig, "iri abụọ", "ohu", "otu ohu");

        b.Filler(Ig, 1.5, "biko", "unu", "ngwa ngwa", "nwere");
        b.Filler(Ig, 0.7, "nke", "ọzọ", "ihe", "maka", "efere", "mpekere", "gị", "karama", "ngwugwu", "akpa");
        b.Filler(Ig, 0.5, "m", "ka");
        b.Filler("ig,ha", 0.3, "ya");
    }
}
