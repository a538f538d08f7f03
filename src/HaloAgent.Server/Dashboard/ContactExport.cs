using HaloAgent.Channels.History;
using HaloAgent.Commerce.Carts;
using HaloAgent.Commerce.Conversations;
using HaloAgent.Commerce.Escalations;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Payments;

namespace HaloAgent.Server.Dashboard;

/// <summary>
/// Everything stored about one contact, for an NDPA access request: the profile and consent record, what the agent
/// remembers, the open cart, orders with their status history, payments and receipts (the images are not inlined; the
/// owner can fetch them from the payment), hand-overs and the messages (the latest <see cref="MessageLimit"/>).
/// </summary>
public sealed record ContactExport(
    DateTimeOffset ExportedAt,
    string BusinessId,
    ContactExportProfile Profile,
    ContactExportConsent Consent,
    ConversationMemorySnapshot Memory,
    CartView Cart,
    IReadOnlyList<OrderView> Orders,
    IReadOnlyList<PaymentDetails> Payments,
    IReadOnlyList<EscalationView> Escalations,
    IReadOnlyList<ConversationEntry> Messages)
{
    /// <summary>The message log's read limit per request.</summary>
    public const int MessageLimit = 500;
}

public sealed record ContactExportProfile(
    string Id,
    string? Name,
    string? Phone,
    string WhatsAppId,
    string Channel,
    string? Language,
    int OrderCount,
    int LoyaltyPoints,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? LastMessageAt,
    bool AgentPaused);

public sealed record ContactExportConsent(
    bool DataProcessing,
    DateTimeOffset? DataProcessingAt,
    bool Marketing,
    DateTimeOffset? MarketingAt,
    bool OptedOut,
    DateTimeOffset? OptedOutAt);
