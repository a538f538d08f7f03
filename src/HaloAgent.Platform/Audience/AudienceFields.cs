using System.Text.Json.Serialization;
using HaloAgent.Platform.Languages;

namespace HaloAgent.Platform.Audience;

/// <summary>The kind of value a field's rules take (the Studio picks its input by it).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AudienceValueKind>))]
public enum AudienceValueKind
{
    Choice,
    Tag,
    Boolean,
    Count,
    Days,
    Kobo,
    Product,

    /// <summary>An RFM score, 1 to 5 (see <see cref="Rfm"/>).</summary>
    Score,
}

/// <summary>One field a segment can filter on: its operators, value kind and (for a choice) the allowed values.</summary>
public sealed record AudienceField(string Name, string Label, AudienceValueKind Kind, IReadOnlyList<string> Ops, IReadOnlyList<string>? Choices = null);

/// <summary>
/// The fields and operators of segment filters, in one place: the validator, the SQL and the Studio's filter builder
/// (served by the API) all read this list.
/// </summary>
public static class AudienceFields
{
    public const string Is = "is", IsNot = "is_not", Has = "has", HasNot = "has_not";
    public const string AtLeast = "gte", AtMost = "lte", Exactly = "eq";
    public const string WithinDays = "within_days", MoreThanDays = "more_than_days";

    public const string Language = "language", Channel = "channel", Tag = "tag", MarketingConsent = "marketing_consent",
        OptedOut = "opted_out", WindowOpen = "window_open", LastMessage = "last_message", OrderCount = "order_count",
        TotalSpend = "total_spend_kobo", LastOrder = "last_order", FirstOrder = "first_order", ProductBought = "product_bought",
        RecencyScore = "recency_score", FrequencyScore = "frequency_score", MonetaryScore = "monetary_score";

    /// <summary>Channels a contact can be reached on, as stored on the contact.</summary>
    public static IReadOnlyList<string> Channels { get; } = ["whatsapp", "twilio", "webchat"];

    public static IReadOnlyList<AudienceField> All { get; } =
    [
        new(Language, "Language", AudienceValueKind.Choice, [Is, IsNot], LanguageCodes.All),
        new(Channel, "Channel", AudienceValueKind.Choice, [Is, IsNot], Channels),
        new(Tag, "Tag", AudienceValueKind.Tag, [Has, HasNot]),
        new(MarketingConsent, "Opted in to marketing", AudienceValueKind.Boolean, [Is]),
        new(OptedOut, "Opted out of marketing", AudienceValueKind.Boolean, [Is]),
        new(WindowOpen, "24-hour window open now", AudienceValueKind.Boolean, [Is]),
        new(LastMessage, "Last message from them", AudienceValueKind.Days, [WithinDays, MoreThanDays]),
        new(OrderCount, "Paid orders", AudienceValueKind.Count, [AtLeast, AtMost, Exactly]),
        new(TotalSpend, "Total spent", AudienceValueKind.Kobo, [AtLeast, AtMost]),
        new(LastOrder, "Last paid order", AudienceValueKind.Days, [WithinDays, MoreThanDays]),
        new(FirstOrder, "First paid order", AudienceValueKind.Days, [WithinDays, MoreThanDays]),
        new(ProductBought, "Bought product", AudienceValueKind.Product, [Is, IsNot]),
        new(RecencyScore, "Recency score (5: bought in the last 14 days, 1: not in 120 days)", AudienceValueKind.Score, [AtLeast, AtMost, Exactly]),
        new(FrequencyScore, "Frequency score (5: 10+ paid orders, 1: one or none)", AudienceValueKind.Score, [AtLeast, AtMost, Exactly]),
        new(MonetaryScore, "Spend score (5: ₦100,000+ in total, 1: under ₦8,000)", AudienceValueKind.Score, [AtLeast, AtMost, Exactly]),
    ];

    public static AudienceField? Find(string? name) => All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));
}

/// <summary>
/// Order-derived RFM scores (recency, frequency, monetary), 1 to 5, on fixed bands that suit a small food business:
/// what a score means stays the same from day to day and from one business to another, unlike quintiles. Index k holds
/// the least a contact needs for score k (index 0 and 1 unused: everyone has at least 1).
/// </summary>
public static class Rfm
{
    public const int Max = 5;

    /// <summary>Score k needs a paid order within this many days.</summary>
    public static IReadOnlyList<int> RecencyDays { get; } = [0, 0, 120, 60, 30, 14];

    /// <summary>Score k needs at least this many paid orders.</summary>
    public static IReadOnlyList<int> FrequencyOrders { get; } = [0, 0, 2, 3, 5, 10];

    /// <summary>Score k needs at least this much paid in total, in kobo (₦8,000, ₦20,000, ₦50,000, ₦100,000).</summary>
    public static IReadOnlyList<long> MonetaryKobo { get; } = [0, 0, 800_000, 2_000_000, 5_000_000, 10_000_000];
}
