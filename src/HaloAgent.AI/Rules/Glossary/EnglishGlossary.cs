namespace HaloAgent.AI.Rules.Glossary;

/// <summary>English: also the base vocabulary Pidgin speakers mix in, so its words weigh little as a language signal.</summary>
internal static class EnglishGlossary
{
    private const string En = Languages.English;

    public static void AddTo(LexiconBuilder b)
    {
        // Every language here borrows English words ("hello", "ok", "two"), so they only outvote the contact's
        // preferred language when several of them appear together.
        b.WeightFactor = 0.6;
        b.Intent(Intent.Greet, En,
            "hello", "helo", "hallo", "hi", "hii", "hey", "hiya", "hello there", "hi there", "hey there", "good morning",
            "good afternoon", "good evening", "good day", "morning", "greetings", "howdy", "wassup", "what's up");
        b.Intent(Intent.Browse, En,
            "menu", "the menu", "show me the menu", "send me the menu", "send menu", "see the menu", "what do you have",
            "what do you sell", "what are you selling", "what's available", "what is available", "what do you have today",
            "what's on the menu", "catalog", "catalogue", "price list", "pricelist", "options", "show me what you have",
            "what have you got", "what food do you have");
        b.Intent(Intent.Order, En,
            "i want to buy", "i want to order", "i want", "i would like", "i'd like", "i will like", "can i get",
            "can i have", "could i get", "could i have", "give me", "i'll take", "i will take", "i'll have", "i will have",
            "order", "i need", "get me", "buy", "place an order", "place order", "i wanna buy", "i wanna", "i'd love");
        b.Intent(Intent.Add, En,
            "add", "add more", "also add", "add another", "add to my order", "add to cart", "add to my cart", "include",
            "put in my cart");
        b.Intent(Intent.Remove, En,
            "remove", "take out", "take off", "delete", "without", "i don't want", "i do not want", "minus");
        b.Intent(Intent.Quantity, En,
            "change quantity", "change the quantity", "quantity", "make it", "change it to", "instead", "reduce", "increase");
        b.Intent(Intent.Price, En,
            "how much", "how much is", "how much is it", "price", "prices", "cost", "what's the price", "what is the price",
            "total", "my total", "how much will it cost", "how much altogether", "amount");
        b.Intent(Intent.Status, En,
            "where is my order", "where's my order", "order status", "status", "track", "track my order",
            "has my order been sent", "when will my order arrive", "when will it arrive", "is my order ready", "is it ready",
            "where is my food", "eta", "is my food ready");
        b.Intent(Intent.Paid, En,
            "i have paid", "i've paid", "i paid", "paid", "payment done", "payment made", "payment sent", "i have sent the money",
            "i sent the money", "sent the money", "transferred", "i have transferred", "i transferred", "i made the transfer",
            "transfer done", "i have made payment", "made payment", "i have made the payment");
        b.Intent(Intent.Cancel, En,
            "cancel", "cancel my order", "cancel order", "cancel it", "cancel the order", "stop my order", "stop the order",
            "i don't want it anymore", "i don't want it again", "never mind", "nevermind", "forget it", "call off");
        b.Intent(Intent.Human, En,
            "human", "agent", "real person", "a real person", "talk to a person", "talk to a human", "speak to a person",
            "speak to a human", "speak to someone", "talk to someone", "i want to talk to a person",
            "i want to speak to someone", "i want to speak to a person", "customer care", "customer service",
            "customer support", "call me", "manager", "the owner", "representative", "operator", "talk to somebody");

        // Opt-out words are honoured on their own ("STOP", "stop please") but not inside a sentence ("Ikeja bus stop").
        b.Intent(Intent.Stop, En, PhraseScope.Whole, "stop", "stop it", "stop all", "stopall", "end", "quit");
        b.Intent(Intent.Stop, En,
            "unsubscribe", "no more messages", "stop messages", "stop sending messages", "stop sending me messages",
            "stop messaging me", "stop texting me", "opt out", "optout", "don't message me", "don't text me",
            "remove me from your list", "stop the messages");
        b.Intent(Intent.Start, En, PhraseScope.Whole, "start", "resume", "unstop", "start again");
        b.Intent(Intent.Start, En, "subscribe", "start messages", "opt in", "optin", "resubscribe");

        b.Intent(Intent.Confirm, En, PhraseScope.Leading,
            "yes", "yeah", "yea", "yeh", "yep", "yup", "ok", "okay", "okk", "okey", "oki", "sure", "alright", "all right",
            "correct", "that's right", "yes please", "sounds good", "fine", "perfect", "exactly", "right", "of course");
        b.Intent(Intent.Confirm, En, "confirm", "confirmed", "go ahead", "i confirm");
        b.Intent(Intent.Decline, En, PhraseScope.Leading,
            "no", "nope", "nah", "not now", "no thanks", "no thank you", "wrong", "not correct", "that's wrong",
            "not really", "no please");
        b.Intent(Intent.Smalltalk, En,
            "thank you", "thanks", "thank u", "thankyou", "thx", "how are you", "good night", "bye", "goodbye", "lol",
            "great", "nice", "cool", "well done", "you're welcome", "much appreciated");
        b.Intent(Intent.Smalltalk, En, PhraseScope.Whole, "ty");

        b.Fulfil(Fulfilment.Delivery, En,
            "deliver", "delivery", "deliver it", "home delivery", "bring it", "bring it to me", "send it to me", "dispatch",
            "ship", "ship it", "door delivery", "deliver to", "deliver to me");
        b.Fulfil(Fulfilment.Pickup, En,
            "pickup", "pick up", "pick it up", "collect", "collect it", "collection", "i will come", "i'll come",
            "i will come and collect", "come and collect", "takeaway", "take away", "i will pick it up", "self pickup",
            "carry out", "carryout");

        string[] ones = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
        for (var i = 0; i < ones.Length; i++)
        {
            b.Number(i + 1, En, ones[i]);
        }

        b.Number(12, En, "a dozen", "dozen");

        b.Filler(En, 0.3, "please", "pls", "plz", "kindly", "the", "is", "are", "my", "i", "it", "to", "you", "your", "can",
            "would", "this", "that", "for", "some", "of", "also", "too", "just", "only", "more", "again", "now", "today",
            "a", "an", "me", "sir", "ma", "madam", "boss", "want", "have", "will", "do", "we", "our", "get");
        // Units and vague nouns carry no language and are never products on their own.
        b.Filler(En, 0, "plate", "plates", "pack", "packs", "portion", "portions", "piece", "pieces", "pcs", "pc", "bottle",
            "bottles", "wrap", "wraps", "stick", "sticks", "bowl", "bowls", "cup", "cups", "x", "food", "something",
            "anything", "thing", "things", "stuff", "hot", "fresh", "quick", "fast", "asap", "units", "unit",
            "order of", "serving", "servings", "my order", "the order", "this order", "so much", "very much", "really", "very");
        b.Conjunction(En, 0.3, "and", "plus", "with", "n");
        b.WeightFactor = 1.0;
    }
}
