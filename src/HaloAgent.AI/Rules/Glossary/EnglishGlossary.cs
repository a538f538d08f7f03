using HaloAgent.Platform.Languages;

namespace HaloAgent.AI.Rules.Glossary;

/// <summary>English: also the base vocabulary Pidgin speakers mix in, so its words weigh little as a language signal.</summary>
internal static class EnglishGlossary
{
    private const string En = LanguageCodes.English;

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
            "order", "i need", "get me", "buy", "place an order", "place order", "i wanna buy", "i wanna", "i'd love",
            // Texting forms customers use on WhatsApp.
            "i wnt", "cn i get", "can i gt");
        b.Intent(Intent.Add, En,
            "add", "add more", "also add", "add another", "add to my order", "add to cart", "add to my cart", "include",
            "put in my cart");
        b.Intent(Intent.Remove, En,
            "remove", "take out", "take off", "delete", "without", "i don't want", "i do not want", "minus");
        b.Intent(Intent.Quantity, En,
            "change quantity", "change the quantity", "quantity", "make it", "change it to", "instead", "reduce", "increase", "make that",
            "make them", "change that to", "change", "correct it to", "set it to", "i meant", "i mean", "not 2", "update it to",
            "reduce it to", "increase it to", "change the number to");
        b.Intent(Intent.Price, En,
            "how much", "how much is", "how much is it", "price", "prices", "cost", "what's the price", "what is the price",
            "total", "my total", "how much will it cost", "how much altogether", "amount", "hw much", "hw much is", "how mch",
            "hw mch");
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
            "i want to talk to someone", "i need a person", "i need a human", "i need help from a person", "talk to agent",
            "speak to an agent", "connect me to an agent", "can i talk to someone", "can i speak to someone", "live agent",
            "a person please", "person please", "call the owner", "let me talk to someone", "talk to the manager",
            "i want to speak to the manager", "speak to the owner", "human please",
            "human", "agent", "real person", "a real person", "talk to a person", "talk to a human", "speak to a person",
            "speak to a human", "speak to someone", "talk to someone", "i want to talk to a person",
            "i want to speak to someone", "i want to speak to a person", "customer care", "customer service",
            "customer support", "call me", "manager", "the owner", "representative", "operator", "talk to somebody");

        // Opt-out words are honoured on their own ("STOP", "stop please") but not inside a sentence ("Ikeja bus stop").
        b.Intent(Intent.Stop, En, PhraseScope.Whole, "stop", "stop it", "stop all", "stopall", "end", "quit");
        b.Intent(Intent.Stop, En,
            "unsubscribe", "no more messages", "stop messages", "stop sending messages", "stop sending me messages",
            "stop messaging me", "stop texting me", "opt out", "optout", "don't message me", "don't text me",
            "remove me from your list", "stop the messages", "stop sending", "stop sending me", "stop the reminders",
            "stop reminders", "no more reminders", "stop promotions", "stop the promotions", "stop marketing",
            "don't send me messages", "do not send me messages", "do not message me", "stop all messages",
            "i don't want your messages", "i do not want your messages", "take me off your list", "unsub");
        b.Intent(Intent.Start, En, PhraseScope.Whole, "start", "resume", "unstop", "start again", "start messages again");
        b.Intent(Intent.Start, En, "subscribe", "start messages", "opt in", "optin", "resubscribe", "send me offers again",
            "start sending me messages again", "send me messages again", "start the reminders again");

        b.Intent(Intent.Confirm, En, PhraseScope.Leading,
            "yes", "yeah", "yea", "yeh", "yep", "yup", "ok", "okay", "okk", "okey", "oki", "sure", "alright", "all right",
            "correct", "that's right", "yes please", "sounds good", "fine", "perfect", "exactly", "right", "of course");
        b.Intent(Intent.Confirm, En, "confirm", "confirmed", "go ahead", "i confirm");
        b.Intent(Intent.Decline, En, PhraseScope.Leading,
            "no", "nope", "nah", "not now", "no thanks", "no thank you", "wrong", "not correct", "that's wrong",
            "not really", "no please", "change order", "change my order", "change something", "i want to change something",
            "let me change something");
        b.Intent(Intent.Smalltalk, En,
            "thank you", "thanks", "thank u", "thankyou", "thx", "how are you", "good night", "bye", "goodbye", "lol",
            "great", "nice", "cool", "well done", "you're welcome", "much appreciated");
        b.Intent(Intent.Smalltalk, En, PhraseScope.Whole, "ty");

        b.Intent(Intent.Reorder, En,
            "same as last time", "same as before", "the same as last time", "the usual", "my usual", "usual order", "my usual order",
            "same order", "same order as last time", "same order as before", "same thing as last time", "same thing as before",
            "repeat my last order", "repeat my order", "repeat last order", "reorder", "order again", "the same again",
            "same again", "my last order again");
        b.Intent(Intent.Cart, En,
            "cart", "my cart", "the cart", "show my cart", "show me my cart", "view cart", "view my cart", "see my cart",
            "show cart", "what's in my cart", "what is in my cart", "check my cart", "my basket", "basket", "show my order",
            "show me my order", "what have i ordered", "what did i order", "what's in my order", "see my order", "my order so far");
        b.Intent(Intent.Checkout, En,
            "that's all", "that is all", "thats all", "that's it", "that is it", "thats it", "that will be all", "that'll be all",
            "i'm done", "im done", "i am done", "done", "all done", "checkout", "check out", "nothing else", "nothing more",
            "no more", "i'm good", "i am good", "finish", "finished", "i'm finished", "proceed", "proceed to checkout",
            "ready to pay", "i'm ready to pay", "complete my order", "complete order", "finish my order", "that's everything",
            "that is everything", "only that", "just that", "nothing again");
        b.Intent(Intent.Availability, En,
            "do u have", "do you have", "u have", "d u have", "do you still have", "have you got", "is there", "is there any", "are there", "available",
            "is it available", "still available", "in stock", "any left", "sold out", "do you sell", "do you have any",
            "can i still get", "left", "still have", "still got");
        b.Intent(Intent.Details, En,
            "what's in", "what is in", "what's inside", "what is inside", "ingredients", "what comes with", "comes with",
            "does it come with", "how big", "how big is", "portion size", "what size", "how many pieces", "how many in",
            "is it spicy", "is it big", "what does it come with", "what is it made of", "made of", "how large", "is it enough for");
        b.Fulfil(Fulfilment.Delivery, En,
            "deliver", "delivery", "deliver it", "home delivery", "bring it", "bring it to me", "send it to me", "dispatch",
            "ship", "ship it", "door delivery", "deliver to", "deliver to me");
        b.Fulfil(Fulfilment.Pickup, En,
            "pickup", "pick up", "pick it up", "collect", "collect it", "collection", "i will come", "i'll come",
            "i will come and collect", "come and collect", "takeaway", "take away", "i will pick it up", "self pickup",
            "carry out", "carryout");

        string[] ones =
        [
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
            "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        ];
        for (var i = 0; i < ones.Length; i++)
        {
            b.Number(i + 1, En, ones[i]);
        }

        b.Number(12, En, "a dozen", "dozen");
        b.Number(1, En, "a single", "single");
        b.Number(2, En, "a couple of", "couple of", "a pair of");

        b.Filler(En, 0.3, "please", "pls", "plz", "kindly", "the", "is", "are", "my", "i", "it", "to", "you", "your", "can",
            "would", "this", "that", "for", "some", "of", "also", "too", "just", "only", "more", "again", "now", "today",
            "a", "an", "me", "sir", "ma", "madam", "boss", "want", "have", "will", "do", "we", "our", "get");
        // Units and vague nouns carry no language and are never products on their own.
        b.Filler(En, 0, "plate", "plates", "pack", "packs", "portion", "portions", "piece", "pieces", "pcs", "pc", "bottle",
            "bottles", "wrap", "wraps", "stick", "sticks", "bowl", "bowls", "cup", "cups", "x", "food", "something",
            "anything", "thing", "things", "stuff", "hot", "fresh", "quick", "fast", "asap", "units", "unit",
            "order of", "serving", "servings", "my order", "the order", "this order", "so much", "very much", "really", "very",
            "plate of", "plates of", "pack of", "packs of", "bottle of", "bottles of", "portion of", "portions of", "wrap of",
            "wraps of", "takeaway pack", "takeaway packs", "bag", "bags", "sachet", "sachets", "cl", "50cl", "75cl");
        b.Conjunction(En, 0.3, "and", "plus", "with", "n");
        b.WeightFactor = 1.0;
    }
}
