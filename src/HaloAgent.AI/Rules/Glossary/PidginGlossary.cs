using HaloAgent.Platform.Languages;

namespace HaloAgent.AI.Rules.Glossary;

/// <summary>
/// Nigerian Pidgin. Its vocabulary is mostly English, so what marks it are the function words (wetin, abeg, dey, don,
/// una, wan): those carry a strong language weight here.
/// </summary>
internal static class PidginGlossary
{
    private const string Pcm = LanguageCodes.Pidgin;

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
        b.Intent(Intent.Quantity, Pcm, "make am", "change am to", "make e be", "instead of", "make dem", "make am be",
            "no be", "i talk say", "i mean", "change am make e be", "reduce am to", "increase am to", "add am reach");
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
            "abeg connect me to person", "i wan talk to human", "i wan see una oga", "make una oga call me",
            "i wan talk to una oga", "make person answer me", "i need person", "i wan yarn with una oga",
            "connect me to person", "make i yarn with person", "i wan talk with person", "una get person wey i fit talk to",
            "no be machine i wan talk to");
        b.Intent(Intent.Stop, Pcm, PhraseScope.Whole, "stop am");
        b.Intent(Intent.Stop, Pcm,
            "no send me message again", "no dey send me message", "make una stop", "i no want una message again",
            "i no want message again", "una message don do", "comot me for una list", "no send me again", "stop to dey send me message",
            "no dey message me again", "stop una message", "i no want una promo again", "make una no send me again",
            "no send me promo again", "abeg stop dey send me message", "una message too much", "stop dey send me",
            "no dey disturb me with message");
        b.Intent(Intent.Start, Pcm, PhraseScope.Whole, "start am");
        b.Intent(Intent.Start, Pcm, "make una start again", "una fit start again", "una fit dey send me message again",
            "start to dey send me message again", "make una dey send me message again");
        b.Intent(Intent.Confirm, Pcm, PhraseScope.Leading,
            "yes o", "yes na", "oya", "na so", "e correct", "sharp", "no wahala", "ehen", "na im", "na him", "e dey okay",
            "e good", "make we go", "i gree");
        b.Intent(Intent.Confirm, "pcm,ig,ha", PhraseScope.Leading, "eh", "eeh");
        b.Intent(Intent.Decline, Pcm, PhraseScope.Leading, "no o", "no be am", "no be so", "i no gree", "no no", "make i change am",
            "i wan change am", "i wan change something", "make i change something");
        b.Intent(Intent.Smalltalk, Pcm,
            "tank you", "tanks", "tenk you", "thank you o", "thank you sir", "you do well", "god bless you", "god bless",
            "na wa", "you try");

        b.Intent(Intent.Reorder, Pcm,
            "like the last one", "like the last time", "like last time", "same thing like before", "same thing like last time",
            "wetin i buy last time", "wetin i order last time", "the one wey i buy last time", "the one wey i order last time",
            "the usual one", "give me the usual", "make am like last time", "na the same thing like before", "di same tin like before");
        b.Intent(Intent.Cart, Pcm,
            "wetin dey my cart", "wetin i don order", "wetin i don pick", "show me wetin i don order", "make i see my cart",
            "make i see wetin i don order", "my cart nko", "my order nko", "wetin dey my order", "make i see my order");
        b.Intent(Intent.Checkout, Pcm,
            "na all", "na all o", "na everything", "na only dat", "na only dis", "na dat one", "e don do", "e do",
            "e don reach", "i don finish", "i don do", "nothing again", "notin again", "nothing remain", "make we check out",
            "make we finish am", "i don ready to pay", "i wan pay now", "make i pay", "e don complete", "na im be dat",
            "na so e be", "i don choose finish");
        b.Intent(Intent.Availability, Pcm,
            "una get", "una still get", "you get", "you still get", "una dey get", "e dey", "e still dey", "una get am",
            "e remain", "e don finish", "una don sell finish");
        b.Intent(Intent.Details, Pcm,
            "wetin dey inside", "wetin dey inside am", "wetin e get inside", "how e big reach", "e big reach", "e big",
            "how many e be", "wetin dem put inside", "wetin una put inside", "wetin e come with", "big reach", "e plenty reach",
            "how e plenty reach");
        b.Fulfil(Fulfilment.Delivery, Pcm,
            "bring am come", "una fit deliver", "una dey deliver", "deliver am", "send am come", "carry am come",
            "bring am", "make una bring am", "send am give me", "dispatch am", "bring am for me", "una go bring am",
            "make una deliver am", "deliver am give me", "bring am to my house");
        b.Fulfil(Fulfilment.Pickup, Pcm,
            "i go come pick am", "i go come carry am", "i go pick am", "i go come collect", "pick am", "i go come",
            "i go come take am", "make i come pick am", "i go come collect am", "i go come carry am myself", "i go carry am",
            "i go come carry", "i go pick am up", "make i come carry am", "i go come buy am for shop");

        b.Filler(Pcm, 1.5, "abeg", "wetin", "una", "dey", "don", "wan", "dem", "sef", "abi", "wahala", "sha", "shey", "jor",
            "oga", "pikin", "chop", "wey", "dis", "dat", "ehn", "sharp sharp", "no vex");
        b.Filler(Pcm, 0.5, "go", "fit", "am", "e");
        b.Filler("pcm,yo", 0.3, "o", "oo");
        b.Filler("pcm,ha,ig", 0.3, "na");
        b.Filler("pcm,yo", 1.0, "jare");
    }
}
