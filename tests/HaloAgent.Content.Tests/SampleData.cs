using HaloAgent.Commerce.Businesses;
using HaloAgent.Commerce.Carts;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Orders;

namespace HaloAgent.Content.Tests;

/// <summary>Template data built the way flows build it (through <see cref="TemplateData"/>), in the variants templates branch on.</summary>
internal static class SampleData
{
    private static readonly LocalizedNames Jollof = new(new Dictionary<string, string>
    {
        ["en"] = "Jollof rice & chicken", ["pcm"] = "Jollof rice and chicken", ["yo"] = "Ìrẹsì jọ̀lọ́ọ̀fù pẹ̀lú adìẹ",
        ["ig"] = "Osikapa jollof na ọkụkọ", ["ha"] = "Shinkafa dafa-duka da kaza",
    });

    private static readonly LocalizedNames Zobo = new(new Dictionary<string, string> { ["en"] = "Zobo (50cl)", ["ha"] = "Zoɓo" });

    public static BusinessProfile Business { get; } = new(
        "b1", "mama-nkechi-kitchen", "Mama Nkechi's Kitchen", null, ["en", "pcm", "yo", "ig", "ha"], "en",
        new Dictionary<string, string>(), [new DeliveryZone("Yaba", 150_000), new DeliveryZone("Lekki", 350_000)],
        new BankDetails("Moniepoint MFB", "5012345678", "Mama Nkechi's Kitchen"), "1098", "secret-token", "en", "MNK");

    /// <summary>The demo kitchen's hours: Monday 08:00–21:00.</summary>
    private static readonly BusinessProfile WithHours = Business with
    {
        OpeningHours = new Dictionary<string, string> { ["mon"] = "08:00-21:00", ["tue"] = "08:00-21:00" },
        PickupAddress = "14 Herbert Macaulay Way, Yaba",
    };

    /// <summary>A Monday in Lagos: 12:00 (open) or 22:30 (closed, opening Tuesday 08:00).</summary>
    public static Dictionary<string, object?> Hours(bool closed, string language) =>
        TemplateData.Hours(WithHours, new DateTimeOffset(2026, 12, 7, closed ? 22 : 12, 30, 0, TimeSpan.FromHours(1)), language);

    public static ContactInfo Contact(string? name) =>
        new("c1", "b1", "2348031234567", "+2348031234567", name, "en", true, 1, false, null, false, null, 3, 1, 1, false, 1, 1);

    public static CartView Cart(int jollof, int zobo = 1)
    {
        var lines = new List<CartLine>();
        if (jollof > 0)
        {
            lines.Add(new CartLine("p1", "JOLLOF-RICE", Jollof, 350_000, jollof, 40));
        }

        if (zobo > 0)
        {
            lines.Add(new CartLine("p2", "ZOBO", Zobo, 70_050, zobo, 60));
        }

        return new CartView("cart1", "c1", lines, 1);
    }

    public static OrderView Order(bool delivery) => new(
        "o1", "b1", "c1", "MNK-0042", OrderStatus.PendingPayment, delivery ? Fulfilment.Delivery : Fulfilment.Pickup,
        delivery ? "Lekki" : null, delivery ? "5 Admiralty Way, Lekki Phase 1" : null,
        [new OrderLine("JOLLOF-RICE", Jollof, 350_000, 2, 700_000), new OrderLine("ZOBO", Zobo, 70_000, 1, 70_000)],
        770_000, delivery ? 350_000 : 0, delivery ? 1_120_000 : 770_000, null, 1, 1, []);

    public static CatalogItem Product(int stock) =>
        new("p1", "JOLLOF-RICE", Jollof, [], 350_000, stock, null, "Rice", true);

    /// <summary>Every field any template reads, for one combination of the branches.</summary>
    public static Dictionary<string, object?> For(string language, bool named, bool delivery, int available, int quantity) => new(StringComparer.Ordinal)
    {
        ["contact"] = TemplateData.Contact(Contact(named ? "Chiamaka" : null)),
        ["business"] = TemplateData.Business(Business),
        ["cart"] = TemplateData.Cart(Cart(quantity), language),
        ["order"] = TemplateData.Order(Order(delivery), language),
        ["product"] = TemplateData.Product(Product(available), language),
        ["quantity"] = (decimal)quantity,
        ["available"] = (decimal)available,
        // Offered in place of a sold-out dish; none when some are left.
        ["alternative"] = available == 0 ? TemplateData.Product(new CatalogItem("p2", "ZOBO", Zobo, [], 70_050, 60, null, "Drinks", true), language) : null,
        ["query"] = "shawarma",
        ["number"] = "MNK-0042", // a journey's order.completed payload: number and what was bought most
        ["topItem"] = Jollof.For(language),
        ["zone"] = "Badagry",
        // Closed in the sold-out variants, so both branches of the hours are rendered.
        ["hours"] = Hours(closed: available == 0, language),
        ["added"] = new List<object?>
        {
            new Dictionary<string, object?> { ["sku"] = "JOLLOF-RICE", ["name"] = Jollof.For(language), ["quantity"] = (decimal)quantity },
            new Dictionary<string, object?> { ["sku"] = "ZOBO", ["name"] = Zobo.For(language), ["quantity"] = 1m },
        },
        ["dishes"] = new List<object?>
        {
            new Dictionary<string, object?> { ["sku"] = "JOLLOF-RICE", ["name"] = Jollof.For(language), ["priceKobo"] = 350_000m, ["inStock"] = available > 0, ["available"] = (decimal)available },
        },
    };

    public static IEnumerable<Dictionary<string, object?>> Variants(string language)
    {
        foreach (var named in new[] { true, false })
        {
            foreach (var delivery in new[] { true, false })
            {
                foreach (var (available, quantity) in new[] { (3, 1), (0, 2) })
                {
                    yield return For(language, named, delivery, available, quantity);
                }
            }
        }
    }
}
