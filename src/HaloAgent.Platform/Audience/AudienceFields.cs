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
        TotalSpend = "total_spend_kobo", LastOrder = "last_order", FirstOrder = "first_order", ProductBought = "product_bought";

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
    ];

    public static AudienceField? Find(string? name) => All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));
}
