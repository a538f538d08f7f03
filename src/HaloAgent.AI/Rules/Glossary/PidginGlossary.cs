namespace HaloAgent.AI.Rules.Glossary;

/// <summary>
/// Nigerian Pidgin. Its vocabulary is mostly English, so what marks it are the function words (wetin, abeg, dey, don,
/// una, wan): those carry a strong language weight here.
/// </summary>
internal static class PidginGlossary
{
    private const string Pcm = Languages.Pidgin;

    public static void AddTo(LexiconBuilder b)
    {
        b.Intent(Intent.Greet, Pcm,
            "how far", "howfar", "how you dey", "how una dey", "how body", "wetin dey", "wetin dey happen", "how market",
            "good morning o", "how your side");
        b.Intent(Intent.Browse, Pcm,
            "wetin una get", "wetin una get today", "wetin una dey sell", "wetin you get", "wetin you dey sell",
            "wetin dey menu", "make i see menu", "make i see wetin una get", "show me wetin una get", "wetin una cook",
            "wetin una cook today", "wetin una get for menu");
        b.Intent(Intent.Order, Pcm,
            "i wan buy", "i wan", "make i get", "make i buy", "i go take", "i dey find", "i wan chop", "abeg give me",
            "i wan order", "make una give me", "i wan get", "make una bring", "i go buy");
        b.Intent(Intent.Add, Pcm, "add am", "add join", "put am join", "join am", "add another one", "add am join");
        b.Intent(Intent.Remove, Pcm, "comot", "comot am", "remove am", "no add", "take am comot", "i no want", "i no need");
        b.Intent(Intent.Quantity, Pcm, "make am", "change am to", "make e be", "instead of");
        b.Intent(Intent.Price, Pcm,
            "how much e be", "how much be", "na how much", "wetin be the price", "how much una dey sell",
            "how much una dey sell am", "e cost reach how much", "how much for", "how much e cost");
        b.Intent(Intent.Status, Pcm,
            "where my order", "where my food", "where my order dey", "my order don reach", "e don ready", "when e go reach",
            "how far my order", "how far with my order", "my order never reach", "e never reach", "una don send am",
            "wetin happen to my order", "my food don ready");
        b.Intent(Intent.Paid, Pcm,
            "i don pay", "don pay", "i don send the money", "i don send money", "i don transfer", "i don send am",
            "money don go", "i don make transfer", "i don send the transfer", "i don pay una");
        b.Intent(Intent.Cancel, Pcm,
            "cancel am", "i no want again", "i no want am again", "forget am", "leave am", "make una cancel am",
            "i no do again");
        b.Intent(Intent.Human, Pcm,
            "make i talk to person", "make i talk to somebody", "i wan talk to person", "i wan talk to somebody",
            "i wan yarn with person", "make person talk to me", "i wan see person", "make una call me", "make oga call me",
            "abeg connect me to person", "i wan talk to human");
        b.Intent(Intent.Stop, Pcm, PhraseScope.Whole, "stop am");
        b.Intent(Intent.Stop, Pcm,
            "no send me message again", "no dey send me message", "make una stop", "i no want una message again",
            "i no want message again", "una message don do", "comot me for una list", "no send me again");
        b.Intent(Intent.Start, Pcm, PhraseScope.Whole, "start am");
        b.Intent(Intent.Start, Pcm, "make una start again", "una fit start again");
        b.Intent(Intent.Confirm, Pcm, PhraseScope.Leading,
            "yes o", "yes na", "oya", "na so", "e correct", "sharp", "no wahala", "ehen", "na im", "na him", "e dey okay",
            "e good", "make we go", "i gree");
        b.Intent(Intent.Confirm, "pcm,ig,ha", PhraseScope.Leading, "eh", "eeh");
        b.Intent(Intent.Decline, Pcm, PhraseScope.Leading, "no o", "no be am", "no be so", "i no gree", "no no");
        b.Intent(Intent.Smalltalk, Pcm,
            "tank you", "tanks", "tenk you", "thank you o", "thank you sir", "you do well", "god bless you", "god bless",
            "na wa", "you try");

        b.Fulfil(Fulfilment.Delivery, Pcm,
            "bring am come", "una fit deliver", "una dey deliver", "deliver am", "send am come", "carry am come",
            "bring am", "make una bring am", "send am give me", "dispatch am", "bring am for me");
        b.Fulfil(Fulfilment.Pickup, Pcm,
            "i go come pick am", "i go come carry am", "i go pick am", "i go come collect", "pick am", "i go come",
            "i go come take am", "make i come pick am", "i go come collect am");

        b.Filler(Pcm, 1.5, "abeg", "wetin", "una", "dey", "don", "wan", "dem", "sef", "abi", "wahala", "sha", "shey", "jor",
            "oga", "pikin", "chop", "wey", "dis", "dat", "ehn", "sharp sharp", "no vex");
        b.Filler(Pcm, 0.5, "go", "fit", "am", "e");
        b.Filler("pcm,yo", 0.3, "o", "oo");
        b.Filler("pcm,ha,ig", 0.3, "na");
        b.Filler("pcm,yo", 1.0, "jare");
    }
}
