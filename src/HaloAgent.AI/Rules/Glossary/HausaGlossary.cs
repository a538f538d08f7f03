using HaloAgent.Platform.Languages;

namespace HaloAgent.AI.Rules.Glossary;

/// <summary>Hausa, with its hooked letters (ɗ ƙ ɓ) folded to d k b, the way most phones type them anyway.</summary>
internal static class HausaGlossary
{
    private const string Ha = LanguageCodes.Hausa;

    public static void AddTo(LexiconBuilder b)
    {
        b.Intent(Intent.Greet, Ha,
            "sannu", "sannu da zuwa", "ina kwana", "ina wuni", "ina yini", "barka da safe", "barka da yamma",
            "barka da rana", "barka", "barka dai", "salam", "salamu alaikum", "assalamu alaikum", "as salamu alaikum",
            "yaya dai", "yaya kake", "yaya kike");
        b.Intent(Intent.Browse, Ha,
            "mè kukè da shi", "me kuke da", "me ake da shi", "me ake da", "me kuke sayarwa", "menene kuke da shi",
            "mene ne kuke da shi", "nuna min menu", "nuna min abin da kuke da shi", "me kuke sayarwa yau");
        b.Intent(Intent.Order, Ha,
            "ina son", "ina so in saya", "ina so in sayi", "ina son saya", "ina son siyan", "ina son sayen", "ina so",
            "ina buƙatar", "zan saya", "zan sayi", "a ba ni", "a bani");
        b.Intent(Intent.Add, Ha, "ƙara", "a ƙara", "ƙara min", "ƙara wani", "ka ƙara");
        b.Intent(Intent.Remove, Ha, "cire", "a cire", "cire shi", "cire min", "ba na so", "bana so");
        b.Intent(Intent.Cancel, Ha,
            "soke", "a soke", "soke oda", "soke odar", "na fasa", "fasa", "ba na so kuma", "bana so kuma");
        b.Intent(Intent.Price, Ha,
            "nawa ne", "nawa", "kuɗinsa nawa", "kuɗin", "kuɗi nawa", "farashi", "farashin", "nawa ne kuɗin");
        b.Intent(Intent.Status, Ha,
            "ina oda ta", "ina odar ta", "ina odata", "ina odar", "yaushe za a kawo", "yaushe zai iso", "yaushe zai zo",
            "ina abinci na", "ina abincina");
        b.Intent(Intent.Paid, Ha,
            "na biya", "na biya kuɗi", "na tura kuɗi", "na turo kuɗi", "na yi transfer", "an biya", "na biya kuɗin",
            "na gama biya");
        b.Intent(Intent.Human, Ha,
            "ina son magana da mutum", "ina so in yi magana da mutum", "magana da mutum", "ina son yin magana da mutum",
            "ina son magana da wani", "mutum na gaske", "a kira ni", "ina so in yi magana da wani", "a haɗa ni da mutum",
            "ku haɗa ni da mutum", "ina son magana da mai shago", "ina son magana da shugaba", "ina bukatar mutum",
            "ina buƙatar mutum", "ina son yin magana da wani", "magana da mutum don allah", "ina son magana da ku");
        // "Daina" (stop, cease) on its own opts out; the sentence forms say "stop sending me messages".
        b.Intent(Intent.Stop, Ha, PhraseScope.Whole, "daina", "ku daina", "a daina");
        b.Intent(Intent.Stop, Ha,
            "ku daina turo min saƙo", "a daina turo min saƙo", "kar ku ƙara turo min saƙo", "ba na son saƙo",
            "daina turo min saƙo", "ku daina aiko min da saƙo", "ku daina turo min", "ku daina aiko min", "ba na son saƙonku",
            "ba na son saƙonninku", "kar ku sake turo min saƙo", "ku daina tallace-tallace", "ku daina tunatarwa",
            "a cire ni daga jerinku", "ku cire ni", "ku daina damuna", "ku bar turo min saƙo", "daina aiko min saƙo",
            "ba na son tallace-tallace");
        b.Intent(Intent.Start, Ha, PhraseScope.Whole, "fara", "a fara", "ku fara");
        b.Intent(Intent.Start, Ha, "a sake farawa", "ku sake turo min saƙo", "ku ci gaba da turo min saƙo", "a ci gaba");
        b.Intent(Intent.Confirm, Ha, PhraseScope.Whole, "to", "toh");
        b.Intent(Intent.Confirm, Ha, PhraseScope.Leading,
            "na'am", "haka ne", "daidai", "yayi kyau", "ya yi kyau");
        b.Intent(Intent.Decline, Ha, PhraseScope.Leading, "a'a", "ba haka ba", "a'a ba haka ba", "canza oda", "ina son canza oda",
            "a canza");
        b.Intent(Intent.Smalltalk, Ha,
            "na gode", "nagode", "mun gode", "godiya", "na gode sosai", "madalla", "allah ya saka");

        // The templates call the cart "kwando" (basket).
        b.Intent(Intent.Reorder, Ha,
            "kamar na da", "kamar na baya", "kamar wancan lokaci", "kamar na jiya", "irin na da", "wanda na saya a baya",
            "abin da na saya a baya", "kamar yadda na saba");
        b.Intent(Intent.Cart, Ha,
            "kwandona", "kwandon", "kwando na", "kwandonku", "nuna min kwandona", "me ke cikin kwandona", "me na zaɓa",
            "nuna min abin da na zaɓa", "abin da na zaɓa", "nuna min odata", "cart dina");
        b.Intent(Intent.Checkout, Ha,
            "shi kenan", "shikenan", "ya isa", "ya wadatar", "babu wani abu", "babu komai kuma", "na gama", "na kammala",
            "sai biya", "ina son biya", "zan biya yanzu", "wannan kawai", "kawai wannan", "iya wannan");
        b.Intent(Intent.Availability, Ha,
            "akwai", "kuna da", "ana da", "kuna da shi", "akwai shi", "har yanzu akwai", "ya kare", "ya ƙare", "kun sayar");
        b.Intent(Intent.Details, Ha,
            "me ke ciki", "me ke cikinsa", "me ke cikin", "girmansa nawa", "yaya girmansa", "yana da yaji",
            "da me ake yi", "me yake zuwa da shi", "guda nawa ne a ciki");
        b.Intent(Intent.Quantity, Ha, "mai da shi", "a mai da shi", "ka mai da shi", "canza zuwa", "a yi shi");
        b.Fulfil(Fulfilment.Delivery, Ha,
            "a kawo min", "a kawo mini", "ku kawo min", "kawo min", "a kawo", "kawo", "a turo min", "a kai min");
        b.Fulfil(Fulfilment.Pickup, Ha,
            "zan zo in karɓa", "zan zo in ɗauka", "zan zo", "zan karɓa", "zan zo na karɓa", "zan zo in amsa", "zan zo da kaina",
            "zan zo in ɗauke shi", "zan ɗauka", "zan zo shago");

        string[] words = ["ɗaya", "biyu", "uku", "huɗu", "biyar", "shida", "bakwai", "takwas", "tara", "goma"];
        for (var i = 0; i < words.Length; i++)
        {
            // "guda biyu" = two pieces: the counter word is part of the number, not a product.
            b.Number(i + 1, Ha, words[i], "guda " + words[i]);
            if (i < 9)
            {
                // Eleven is "goma sha ɗaya": ten and one.
                b.Number(11 + i, Ha, "goma sha " + words[i], "guda goma sha " + words[i], "sha " + words[i]);
            }
        }

        b.Number(20, Ha, "ashirin", "guda ashirin");

        b.Filler(Ha, 1.5, "don allah", "dan allah", "ina");
        b.Filler(Ha, 0.8, "oda", "odar", "min", "mini", "kuma", "guda", "sosai", "yanzu", "wannan", "faranti", "kwano", "kwalba",
            "leda", "fakiti");
        b.Filler(Ha, 0.5, "shi", "ne", "ku", "wani");
        b.Conjunction(Ha, 0.5, "da");
    }
}
