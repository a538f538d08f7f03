namespace HaloAgent.Content;

/// <summary>
/// The template keys flows use. Every key has a file in every language (a test enforces it), so a missing
/// translation is a failed build, not a customer getting English by accident.
/// </summary>
public static class MessageTemplateKeys
{
    public const string Greeting = "greeting";
    public const string MenuIntro = "menu_intro";
    public const string MenuButton = "menu_button";
    public const string MenuSection = "menu_section";
    public const string ItemAdded = "item_added";
    public const string ItemRemoved = "item_removed";
    public const string CartSummary = "cart_summary";
    public const string CartEmpty = "cart_empty";
    public const string AskQuantity = "ask_quantity";
    public const string AskFulfilment = "ask_fulfilment";
    public const string AskAddress = "ask_address";
    public const string AskDeliveryZone = "ask_delivery_zone";
    public const string OrderSummary = "order_summary";
    public const string ConfirmPrompt = "confirm_prompt";
    public const string OrderCreated = "order_created";
    public const string PaymentInstructions = "payment_instructions";
    public const string NotUnderstood = "not_understood";
    public const string UnknownProduct = "unknown_product";
    public const string OutOfStock = "out_of_stock";
    public const string HandoverStarted = "handover_started";
    public const string HandoverEnded = "handover_ended";
    public const string OptedOut = "opted_out";
    public const string OptedIn = "opted_in";
    public const string AbandonedCartNudge1 = "abandoned_cart_nudge_1";
    public const string AbandonedCartNudge2 = "abandoned_cart_nudge_2";
    public const string UnsupportedMessage = "unsupported_message";
    public const string OrderCancelled = "order_cancelled";
    public const string ThankYou = "thank_you";
    public const string ButtonPickup = "button_pickup";
    public const string ButtonDelivery = "button_delivery";
    public const string ButtonConfirm = "button_confirm";
    public const string ButtonChange = "button_change";
    public const string PaymentWhichOrder = "payment_which_order";
    public const string ButtonChooseOrder = "button_choose_order";
    public const string PaymentNoUnpaidOrder = "payment_no_unpaid_order";
    public const string PaymentSendReceipt = "payment_send_receipt";
    public const string PaymentReceiptReceived = "payment_receipt_received";
    public const string PaymentReceiptUnreadable = "payment_receipt_unreadable";
    public const string PaymentConfirmed = "payment_confirmed";
    public const string PaymentRejected = "payment_rejected";
    public const string PaymentReminder = "payment_reminder";
    public const string OrderPreparing = "order_preparing";
    public const string OrderReadyForPickup = "order_ready_for_pickup";
    public const string OrderOutForDelivery = "order_out_for_delivery";
    public const string OrderCompleted = "order_completed";
    public const string VoiceNoteUnavailable = "voice_note_unavailable";
    public const string CartUpdated = "cart_updated";
    public const string DishInfo = "dish_info";
    public const string MenuMore = "menu_more";
    public const string ZoneNotServed = "zone_not_served";
    public const string ReorderNone = "reorder_none";

    // Journeys (workflows/welcome-journey, post-purchase, win-back): the free-form text a step sends inside the 24-hour window.
    public const string JourneyWelcomeWarm = "journey_welcome_warm";
    public const string JourneyWelcomeOffer = "journey_welcome_offer";
    public const string JourneyWelcomeNudge = "journey_welcome_nudge";
    public const string JourneyThankYou = "journey_thank_you";
    public const string JourneyTips = "journey_tips";
    public const string JourneyFeedback = "journey_feedback";
    public const string JourneyFeedbackThanks = "journey_feedback_thanks";
    public const string JourneyUpsell = "journey_upsell";
    public const string JourneyWinBack = "journey_winback";

    public static IReadOnlyList<string> All { get; } =
    [
        Greeting, MenuIntro, MenuButton, MenuSection, ItemAdded, ItemRemoved, CartSummary, CartEmpty, AskQuantity, AskFulfilment,
        AskAddress, AskDeliveryZone, OrderSummary, ConfirmPrompt, OrderCreated, PaymentInstructions, NotUnderstood, UnknownProduct,
        OutOfStock, HandoverStarted, HandoverEnded, OptedOut, OptedIn, AbandonedCartNudge1, AbandonedCartNudge2, UnsupportedMessage,
        OrderCancelled, ThankYou, ButtonPickup, ButtonDelivery, ButtonConfirm, ButtonChange,
        PaymentWhichOrder, ButtonChooseOrder, PaymentNoUnpaidOrder, PaymentSendReceipt, PaymentReceiptReceived, PaymentReceiptUnreadable,
        PaymentConfirmed, PaymentRejected, PaymentReminder, OrderPreparing, OrderReadyForPickup, OrderOutForDelivery, OrderCompleted,
        VoiceNoteUnavailable, CartUpdated, DishInfo, MenuMore, ZoneNotServed, ReorderNone,
        JourneyWelcomeWarm, JourneyWelcomeOffer, JourneyWelcomeNudge, JourneyThankYou, JourneyTips, JourneyFeedback, JourneyFeedbackThanks,
        JourneyUpsell, JourneyWinBack,
    ];

    /// <summary>
    /// Labels of WhatsApp reply buttons (title ≤ 20 characters) and list buttons (≤ 20); the section title (≤ 24).
    /// </summary>
    public static IReadOnlyDictionary<string, int> MaxLengths { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [MenuButton] = 20,
        [MenuSection] = 24,
        [ButtonPickup] = 20,
        [ButtonDelivery] = 20,
        [ButtonConfirm] = 20,
        [ButtonChange] = 20,
        [ButtonChooseOrder] = 20,
    };
}
