using HaloAgent.Commerce.Catalog;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Persistence;
using HaloAgent.Platform.Languages;

namespace HaloAgent.Commerce.Tests;

public sealed class DomainRulesTests
{
    [Theory]
    [InlineData(OrderStatus.PendingPayment, OrderStatus.Paid, Fulfilment.Pickup, true)]
    [InlineData(OrderStatus.Paid, OrderStatus.Preparing, Fulfilment.Pickup, true)]
    [InlineData(OrderStatus.Preparing, OrderStatus.ReadyForPickup, Fulfilment.Pickup, true)]
    [InlineData(OrderStatus.Preparing, OrderStatus.OutForDelivery, Fulfilment.Pickup, false)]
    [InlineData(OrderStatus.Preparing, OrderStatus.OutForDelivery, Fulfilment.Delivery, true)]
    [InlineData(OrderStatus.Preparing, OrderStatus.ReadyForPickup, Fulfilment.Delivery, false)]
    [InlineData(OrderStatus.OutForDelivery, OrderStatus.Completed, Fulfilment.Delivery, true)]
    [InlineData(OrderStatus.PendingPayment, OrderStatus.Preparing, Fulfilment.Pickup, true)]
    [InlineData(OrderStatus.Paid, OrderStatus.PendingPayment, Fulfilment.Pickup, false)]
    [InlineData(OrderStatus.Completed, OrderStatus.Cancelled, Fulfilment.Pickup, false)]
    [InlineData(OrderStatus.Cancelled, OrderStatus.Paid, Fulfilment.Pickup, false)]
    [InlineData(OrderStatus.OutForDelivery, OrderStatus.Cancelled, Fulfilment.Delivery, true)]
    [InlineData(OrderStatus.Paid, OrderStatus.Paid, Fulfilment.Pickup, false)]
    [InlineData(OrderStatus.Paid, OrderStatus.Completed, Fulfilment.Pickup, false)]
    [InlineData(OrderStatus.PendingPayment, OrderStatus.ReadyForPickup, Fulfilment.Pickup, false)]
    [InlineData(OrderStatus.PendingPayment, OrderStatus.Completed, Fulfilment.Delivery, false)]
    [InlineData(OrderStatus.Preparing, OrderStatus.Completed, Fulfilment.Delivery, false)]
    public void Orders_move_forward_or_get_cancelled(OrderStatus from, OrderStatus to, Fulfilment fulfilment, bool allowed) =>
        OrderTransitions.IsAllowed(from, to, fulfilment).ShouldBe(allowed);

    [Theory]
    [InlineData(OrderStatus.PendingPayment, Fulfilment.Pickup, "paid preparing cancelled")]
    [InlineData(OrderStatus.Paid, Fulfilment.Delivery, "preparing cancelled")]
    [InlineData(OrderStatus.Preparing, Fulfilment.Pickup, "ready_for_pickup cancelled")]
    [InlineData(OrderStatus.Preparing, Fulfilment.Delivery, "out_for_delivery cancelled")]
    [InlineData(OrderStatus.ReadyForPickup, Fulfilment.Pickup, "completed cancelled")]
    [InlineData(OrderStatus.OutForDelivery, Fulfilment.Delivery, "completed cancelled")]
    [InlineData(OrderStatus.Completed, Fulfilment.Pickup, "")]
    [InlineData(OrderStatus.Cancelled, Fulfilment.Delivery, "")]
    public void The_next_moves_are_one_step_forward_or_cancel(OrderStatus from, Fulfilment fulfilment, string expected) =>
        string.Join(' ', OrderTransitions.Next(from, fulfilment).Select(OrderStatusNames.ToName)).ShouldBe(expected);

    [Fact]
    public void A_move_is_allowed_exactly_when_it_is_one_of_the_next_moves()
    {
        foreach (var fulfilment in Enum.GetValues<Fulfilment>())
        {
            foreach (var from in Enum.GetValues<OrderStatus>())
            {
                foreach (var to in Enum.GetValues<OrderStatus>())
                {
                    OrderTransitions.IsAllowed(from, to, fulfilment).ShouldBe(OrderTransitions.Next(from, fulfilment).Contains(to), $"{from} -> {to} ({fulfilment})");
                }
            }
        }
    }

    [Fact]
    public void Status_names_are_the_stored_snake_case_names()
    {
        Enum.GetValues<OrderStatus>().Select(OrderStatusNames.ToName).ShouldBe(
            ["pending_payment", "paid", "preparing", "ready_for_pickup", "out_for_delivery", "completed", "cancelled"]);
        OrderStatusNames.Parse("ready_for_pickup").ShouldBe(OrderStatus.ReadyForPickup);
        OrderStatusNames.TryParse("shipped", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("cancelled", OrderStatus.Cancelled)]
    [InlineData("Cancelled", OrderStatus.Cancelled)]
    [InlineData("ready_for_pickup", OrderStatus.ReadyForPickup)]
    [InlineData("ReadyForPickup", OrderStatus.ReadyForPickup)]
    public void The_api_takes_a_status_in_either_spelling(string name, OrderStatus expected)
    {
        OrderStatusNames.TryParseEitherSpelling(name, out var status).ShouldBeTrue();
        status.ShouldBe(expected);
    }

    [Theory]
    [InlineData("shipped")]
    [InlineData("CANCELLED")]
    [InlineData("6")]
    [InlineData("Paid, Preparing")]
    [InlineData("Paid,Paid")]
    [InlineData(" Cancelled")]
    [InlineData("")]
    public void Other_spellings_are_not_statuses(string name) =>
        OrderStatusNames.TryParseEitherSpelling(name, out _).ShouldBeFalse();

    [Theory]
    [InlineData("WhatsAppPhoneNumberId", "whatsapp_phone_number_id")]
    [InlineData("PhoneE164", "phone_e164")]
    [InlineData("NamesJson", "names")]
    [InlineData("DeliveryZonesJson", "delivery_zones")]
    [InlineData("MarketingOptOutAt", "marketing_opt_out_at")]
    [InlineData("Id", "id")]
    public void Columns_are_snake_case(string property, string column) =>
        CommerceDbContext.ColumnName(property).ShouldBe(column);

    [Theory]
    [InlineData(99_999, 0)]
    [InlineData(100_000, 1)]
    [InlineData(1_050_000, 10)]
    [InlineData(-5, 0)]
    public void One_loyalty_point_per_thousand_naira(long subtotalKobo, int points) =>
        Loyalty.PointsFor(subtotalKobo).ShouldBe(points);

    [Fact]
    public void The_service_window_is_24_hours_after_the_last_inbound_message()
    {
        var wrote = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
        var contact = new ContactInfo("c", "b", "2348031234567", "+2348031234567", null, null, true, 0, false, null, false, null, 0, 0,
            wrote.ToUnixTimeMilliseconds(), false, 0, 0);

        contact.IsInServiceWindow(wrote.AddHours(23).AddMinutes(59)).ShouldBeTrue();
        contact.IsInServiceWindow(wrote.AddHours(24)).ShouldBeFalse();
        (contact with { LastInboundAt = null }).IsInServiceWindow(wrote).ShouldBeFalse();
    }

    [Fact]
    public void The_demo_menu_names_every_product_in_all_five_languages()
    {
        var products = DemoCatalog.Products;
        products.Count.ShouldBeGreaterThanOrEqualTo(12);
        products.Select(p => p.Sku).ShouldBeUnique();
        foreach (var product in products)
        {
            product.Names.Keys.OrderBy(k => k).ShouldBe(LanguageCodes.All.OrderBy(k => k), product.Sku);
            product.Names.Values.ShouldAllBe(n => !string.IsNullOrWhiteSpace(n));
            product.Aliases.ShouldNotBeEmpty(product.Sku);
            product.PriceKobo.ShouldBeGreaterThan(0);
            (product.PriceKobo % 100).ShouldBe(0, $"{product.Sku} costs whole naira");
        }

        var names = products.Select(p => p.Names["en"]).ToList();
        names.ShouldContain(n => n.Contains("Jollof"));
        names.ShouldContain(n => n.Contains("Puff-puff"));
        names.ShouldContain(n => n.Contains("egusi"));
        products.Single(p => p.Sku == "JOLLOF-RICE").PriceKobo.ShouldBe(350_000);
        products.Single(p => p.Sku == "SUYA").Names["ha"].ShouldContain("Tsire");
    }

    [Fact]
    public void Localized_names_fall_back_to_English()
    {
        var names = new LocalizedNames(new Dictionary<string, string> { ["en"] = "Moi moi", ["yo"] = "Ọ̀lẹ̀lẹ̀" });
        names.For("yo").ShouldBe("Ọ̀lẹ̀lẹ̀");
        names.For("ha").ShouldBe("Moi moi");
        names.For(null).ShouldBe("Moi moi");
    }
}
