using System.Text.Json;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Tests.Support;
using HaloAgent.Platform.Audience;

namespace HaloAgent.Commerce.Tests;

/// <summary>Segment filters evaluated in SQL over contacts and their orders, on each database.</summary>
public abstract class AudienceScenarios(TestDatabase database) : CommerceTest(database)
{
    private const long Day = 86_400_000;

    private IAudience Audience => Host.Get<IAudience>();

    private static AudienceCondition Rule(string field, string op, object value) =>
        new() { Field = field, Op = op, Value = JsonSerializer.SerializeToElement(value) };

    private static AudienceFilter All(params AudienceCondition[] conditions) => new() { Match = AudienceFilters.All, Conditions = conditions };

    private async Task<IReadOnlyList<string>> NamesAsync(AudienceFilter filter)
    {
        var preview = await Audience.PreviewAsync(BusinessId, filter, 50, default);
        preview.Sample.Count.ShouldBe(preview.Count, "the sample holds everyone while there are few");
        return preview.Sample.Select(m => m.Name!).Order(StringComparer.Ordinal).ToList();
    }

    private async Task<ContactInfo> CustomerAsync(string name, string? language = null, string[]? tags = null, bool consent = false, long? lastMessageAgo = null)
    {
        var contact = await NewContactAsync(name);
        await using var db = await Host.DbAsync();
        var row = await db.Contacts.FindAsync(contact.Id);
        row!.PreferredLanguage = language;
        row.Tags = ContactTags.Write(tags ?? []);
        row.MarketingConsent = consent;
        row.LastInboundAt = lastMessageAgo is { } ago ? Host.Now - ago : null;
        await db.SaveChangesAsync();
        return contact;
    }

    private async Task OrderAsync(ContactInfo contact, long totalKobo, long ago, OrderStatus status = OrderStatus.Completed, string productId = "jollof")
    {
        await using var db = await Host.DbAsync();
        var id = Guid.CreateVersion7().ToString("N");
        db.Orders.Add(new Order
        {
            Id = id, BusinessId = BusinessId, ContactId = contact.Id, Number = id[^6..], Status = status,
            TotalKobo = totalKobo, SubtotalKobo = totalKobo, CreatedAt = Host.Now - ago, UpdatedAt = Host.Now - ago,
        });
        db.OrderItems.Add(new OrderItem { OrderId = id, Line = 1, ProductId = productId, Sku = productId.ToUpperInvariant(), Quantity = 1, UnitPriceKobo = totalKobo, LineTotalKobo = totalKobo });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Contacts_are_chosen_by_profile_tags_consent_and_the_24_hour_window()
    {
        await CustomerAsync("Ada", language: "pcm", tags: ["vip", "lekki"], consent: true, lastMessageAgo: Day / 2);
        await CustomerAsync("Bola", language: "yo", tags: ["lekki"], lastMessageAgo: 3 * Day);
        await CustomerAsync("Chidi", language: null, consent: true, lastMessageAgo: 40 * Day);

        (await NamesAsync(All(Rule(AudienceFields.Language, AudienceFields.Is, "pcm")))).ShouldBe(["Ada"]);
        (await NamesAsync(All(Rule(AudienceFields.Language, AudienceFields.Is, "en")))).ShouldBe(["Chidi"], "no language yet means English");
        (await NamesAsync(All(Rule(AudienceFields.Tag, AudienceFields.Has, "LEKKI")))).ShouldBe(["Ada", "Bola"], "tags match as stored: lower case");
        (await NamesAsync(All(Rule(AudienceFields.Tag, AudienceFields.HasNot, "vip")))).ShouldBe(["Bola", "Chidi"]);
        (await NamesAsync(All(Rule(AudienceFields.MarketingConsent, AudienceFields.Is, true)))).ShouldBe(["Ada", "Chidi"]);
        (await NamesAsync(All(Rule(AudienceFields.WindowOpen, AudienceFields.Is, true)))).ShouldBe(["Ada"]);
        (await NamesAsync(All(Rule(AudienceFields.WindowOpen, AudienceFields.Is, false)))).ShouldBe(["Bola", "Chidi"]);
        (await NamesAsync(All(Rule(AudienceFields.LastMessage, AudienceFields.MoreThanDays, 30)))).ShouldBe(["Chidi"]);
        (await NamesAsync(All(
            Rule(AudienceFields.MarketingConsent, AudienceFields.Is, true),
            new AudienceCondition { Match = AudienceFilters.Any, Conditions = [Rule(AudienceFields.Tag, AudienceFields.Has, "vip"), Rule(AudienceFields.LastMessage, AudienceFields.MoreThanDays, 30)] }))).ShouldBe(["Ada", "Chidi"]);
        (await NamesAsync(new AudienceFilter { Match = AudienceFilters.Any, Conditions = [Rule(AudienceFields.Language, AudienceFields.Is, "yo"), Rule(AudienceFields.Language, AudienceFields.Is, "pcm")] })).ShouldBe(["Ada", "Bola"]);
        (await NamesAsync(All())).ShouldBe(["Ada", "Bola", "Chidi"], "no conditions: everyone");
    }

    [Fact]
    public async Task Order_history_counts_only_what_was_bought()
    {
        var ada = await CustomerAsync("Ada");
        var bola = await CustomerAsync("Bola");
        await CustomerAsync("Chidi");
        await OrderAsync(ada, 500_000, ago: 2 * Day);
        await OrderAsync(ada, 300_000, ago: 60 * Day, productId: "suya");
        await OrderAsync(bola, 900_000, ago: 45 * Day);
        await OrderAsync(bola, 5_000_000, ago: 1 * Day, OrderStatus.PendingPayment); // not paid: not bought
        await OrderAsync(bola, 5_000_000, ago: 1 * Day, OrderStatus.Cancelled);

        (await NamesAsync(All(Rule(AudienceFields.OrderCount, AudienceFields.AtLeast, 2)))).ShouldBe(["Ada"]);
        (await NamesAsync(All(Rule(AudienceFields.OrderCount, AudienceFields.Exactly, 0)))).ShouldBe(["Chidi"]);
        (await NamesAsync(All(Rule(AudienceFields.TotalSpend, AudienceFields.AtLeast, 800_000)))).ShouldBe(["Ada", "Bola"]);
        (await NamesAsync(All(Rule(AudienceFields.TotalSpend, AudienceFields.AtMost, 850_000)))).ShouldBe(["Ada", "Chidi"]);
        (await NamesAsync(All(Rule(AudienceFields.LastOrder, AudienceFields.WithinDays, 7)))).ShouldBe(["Ada"]);
        (await NamesAsync(All(Rule(AudienceFields.LastOrder, AudienceFields.MoreThanDays, 30)))).ShouldBe(["Bola"], "lapsed buyers; never-buyers are not lapsed");
        (await NamesAsync(All(Rule(AudienceFields.FirstOrder, AudienceFields.WithinDays, 50)))).ShouldBe(["Bola"]);
        (await NamesAsync(All(Rule(AudienceFields.ProductBought, AudienceFields.Is, "suya")))).ShouldBe(["Ada"]);
        (await NamesAsync(All(Rule(AudienceFields.ProductBought, AudienceFields.IsNot, "suya")))).ShouldBe(["Bola", "Chidi"]);
    }

    [Fact]
    public async Task RFM_scores_band_recency_frequency_and_spend_from_paid_orders()
    {
        // Ada: 10 paid orders, the last 3 days ago, ₦120,000 in all (5, 5, 5). Bola: 3 orders, the last 45 days ago,
        // ₦24,000 (3, 3, 3). Chidi: one order 200 days ago, ₦5,000 (1, 1, 1). Dayo: never bought (1, 1, 1).
        var ada = await CustomerAsync("Ada");
        var bola = await CustomerAsync("Bola");
        var chidi = await CustomerAsync("Chidi");
        await CustomerAsync("Dayo");
        for (var i = 0; i < 10; i++)
        {
            await OrderAsync(ada, 1_200_000, ago: (3 + i) * Day);
        }

        for (var i = 0; i < 3; i++)
        {
            await OrderAsync(bola, 800_000, ago: (45 + i) * Day);
        }

        await OrderAsync(chidi, 500_000, ago: 200 * Day);
        await OrderAsync(bola, 9_000_000, ago: Day, OrderStatus.Cancelled); // not bought: no score

        (await NamesAsync(All(Rule(AudienceFields.RecencyScore, AudienceFields.AtLeast, 4)))).ShouldBe(["Ada"]);
        (await NamesAsync(All(Rule(AudienceFields.RecencyScore, AudienceFields.Exactly, 3)))).ShouldBe(["Bola"]);
        (await NamesAsync(All(Rule(AudienceFields.RecencyScore, AudienceFields.AtMost, 1)))).ShouldBe(["Chidi", "Dayo"]);
        (await NamesAsync(All(Rule(AudienceFields.FrequencyScore, AudienceFields.Exactly, 5)))).ShouldBe(["Ada"]);
        (await NamesAsync(All(Rule(AudienceFields.FrequencyScore, AudienceFields.Exactly, 3)))).ShouldBe(["Bola"]);
        (await NamesAsync(All(Rule(AudienceFields.FrequencyScore, AudienceFields.AtMost, 2)))).ShouldBe(["Chidi", "Dayo"]);
        (await NamesAsync(All(Rule(AudienceFields.MonetaryScore, AudienceFields.AtLeast, 5)))).ShouldBe(["Ada"]);
        (await NamesAsync(All(Rule(AudienceFields.MonetaryScore, AudienceFields.Exactly, 3)))).ShouldBe(["Bola"]);
        (await NamesAsync(All(Rule(AudienceFields.MonetaryScore, AudienceFields.AtLeast, 1)))).ShouldBe(["Ada", "Bola", "Chidi", "Dayo"]);

        // "Loyal customers slipping away": bought often, not lately.
        (await NamesAsync(All(Rule(AudienceFields.FrequencyScore, AudienceFields.AtLeast, 3), Rule(AudienceFields.RecencyScore, AudienceFields.AtMost, 3))))
            .ShouldBe(["Bola"]);
        AudienceFilters.Validate(All(Rule(AudienceFields.RecencyScore, AudienceFields.AtLeast, 6)))
            .ShouldContain(e => e.Contains("recency_score takes a score from 1 to 5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_business_s_contacts_and_sandbox_chats_never_match()
    {
        await CustomerAsync("Ada");
        await using (var db = await Host.DbAsync())
        {
            db.Businesses.Add(new Businesses.Business { Id = "someone-else", Slug = "someone-else", Name = "Someone else" });
            await db.SaveChangesAsync();
            (await db.Contacts.FindAsync((await CustomerAsync("Other")).Id))!.BusinessId = "someone-else";
            (await db.Contacts.FindAsync((await CustomerAsync("Sandbox")).Id))!.Sandbox = true;
            await db.SaveChangesAsync();
        }

        (await NamesAsync(All())).ShouldBe(["Ada"]);
        (await Audience.ContactIdsAsync(BusinessId, All(), default)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_bad_filter_is_refused_with_where_and_why()
    {
        var deep = new AudienceCondition { Match = "all", Conditions = [new AudienceCondition { Match = "all", Conditions = [new AudienceCondition { Match = "all", Conditions = [] }] }] };
        var error = await Should.ThrowAsync<AudienceFilterException>(() => Audience.PreviewAsync(BusinessId, new AudienceFilter
        {
            Match = "some",
            Conditions =
            [
                Rule("colour", AudienceFields.Is, "red"),
                Rule(AudienceFields.Language, AudienceFields.AtLeast, "fr"),
                Rule(AudienceFields.OrderCount, AudienceFields.AtLeast, -1),
                deep,
            ],
        }, 10, default));

        error.Errors.ShouldContain("filter.match: 'some' is not 'all' or 'any'.");
        error.Errors.ShouldContain(e => e.StartsWith("filter.conditions[0].field: unknown field 'colour'", StringComparison.Ordinal));
        error.Errors.ShouldContain(e => e.StartsWith("filter.conditions[1].op: 'gte' does not apply to language", StringComparison.Ordinal));
        error.Errors.ShouldContain(e => e.StartsWith("filter.conditions[1].value: language takes one of en, pcm", StringComparison.Ordinal));
        error.Errors.ShouldContain(e => e.StartsWith("filter.conditions[2].value: order_count takes a whole number", StringComparison.Ordinal));
        error.Errors.ShouldContain("filter.conditions[3].conditions[0].conditions[0]: groups nest at most 3 deep.");
        AudienceFilters.Validate(All(Enumerable.Range(0, 41).Select(_ => Rule(AudienceFields.OptedOut, AudienceFields.Is, false)).ToArray()))
            .ShouldContain(e => e.Contains("at most 40", StringComparison.Ordinal));
    }
}

public sealed class SqliteAudienceTests() : AudienceScenarios(TestDatabase.Sqlite);

public sealed class PostgresAudienceTests() : AudienceScenarios(TestDatabase.Postgres);
