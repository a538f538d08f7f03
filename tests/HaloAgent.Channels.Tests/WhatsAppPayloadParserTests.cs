using System.Text;
using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.WhatsApp;
using HaloAgent.Testing.FakeGraph;

namespace HaloAgent.Channels.Tests;

public sealed class WhatsAppPayloadParserTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SentAt = new(2026, 11, 22, 8, 59, 30, TimeSpan.Zero);
    private const string From = "2348030000001";

    private static WhatsAppParseResult Parse(string json) => WhatsAppPayloadParser.Parse(Encoding.UTF8.GetBytes(json), Received);

    private static InboundMessage Single(WhatsAppWebhookBuilder builder)
    {
        var result = WhatsAppPayloadParser.Parse(builder.BuildBytes(), Received);
        result.Success.ShouldBeTrue(result.Error);
        return result.Changes.ShouldHaveSingleItem().Messages.ShouldHaveSingleItem();
    }

    [Fact]
    public void Reads_Metas_documented_text_example_with_metadata_and_contact()
    {
        var result = Parse("""
            {"object":"whatsapp_business_account","entry":[{"id":"122951744235903","changes":[{"value":{"messaging_product":"whatsapp",
            "metadata":{"display_phone_number":"15550984277","phone_number_id":"114896151713920"},
            "contacts":[{"profile":{"name":"Lee Jen Ling"},"wa_id":"60173526233"}],
            "messages":[{"from":"60173526233","id":"wamid.HBgLNjAxNzM1MjYyMzMVAgASGBQzQUI0NkE4NjM1QTU2NjVGOURGQgA=","timestamp":"1694427240","text":{"body":"Hihu"},"type":"text"}]},
            "field":"messages"}]}]}
            """);

        result.Success.ShouldBeTrue();
        result.Object.ShouldBe("whatsapp_business_account");
        var change = result.Changes.ShouldHaveSingleItem();
        change.PhoneNumberId.ShouldBe("114896151713920");
        change.DisplayPhoneNumber.ShouldBe("15550984277");
        var message = change.Messages.ShouldHaveSingleItem();
        message.ExternalId.ShouldBe("wamid.HBgLNjAxNzM1MjYyMzMVAgASGBQzQUI0NkE4NjM1QTU2NjVGOURGQgA=");
        message.From.ShouldBe("60173526233");
        message.ProfileName.ShouldBe("Lee Jen Ling");
        message.Channel.ShouldBe(ChannelKind.WhatsApp);
        message.Type.ShouldBe(InboundMessageType.Text);
        message.Text.ShouldBe("Hihu");
        message.Timestamp.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1694427240));
        message.BusinessId.ShouldBe(""); // routed later
    }

    [Fact]
    public void Reads_a_button_reply_with_its_context()
    {
        var message = Single(new WhatsAppWebhookBuilder().ButtonReply(From, "confirm-order", "Confirm", contextId: "wamid.SENT1"));

        message.Type.ShouldBe(InboundMessageType.ButtonReply);
        message.Reply.ShouldBe(new InboundReply("confirm-order", "Confirm"));
        message.Text.ShouldBe("Confirm");
        message.ContextMessageId.ShouldBe("wamid.SENT1");
    }

    [Fact]
    public void Reads_a_list_reply_with_its_description()
    {
        var message = Single(new WhatsAppWebhookBuilder().ListReply(From, "sku-jollof", "Jollof rice", "Party jollof, 1 plate"));

        message.Type.ShouldBe(InboundMessageType.ListReply);
        message.Reply.ShouldBe(new InboundReply("sku-jollof", "Jollof rice", "Party jollof, 1 plate"));
    }

    [Fact]
    public void Reads_a_template_quick_reply_button_payload_and_text()
    {
        var message = Single(new WhatsAppWebhookBuilder().QuickReply(From, "STOP_PROMOS", "Stop promotions"));

        message.Type.ShouldBe(InboundMessageType.Button);
        message.Reply!.Id.ShouldBe("STOP_PROMOS");
        message.Reply.Title.ShouldBe("Stop promotions");
        message.Text.ShouldBe("Stop promotions");
    }

    [Fact]
    public void Reads_an_image_with_caption_and_media_reference()
    {
        var message = Single(new WhatsAppWebhookBuilder().Image(From, "1479537139650973", caption: "this is my receipt", sha256: "ZmFrZQ=="));

        message.Type.ShouldBe(InboundMessageType.Image);
        message.Text.ShouldBe("this is my receipt");
        message.Media.ShouldNotBeNull();
        message.Media.Id.ShouldBe("1479537139650973");
        message.Media.MimeType.ShouldBe("image/jpeg");
        message.Media.Sha256.ShouldBe("ZmFrZQ==");
        message.Media.Caption.ShouldBe("this is my receipt");
        message.Media.Voice.ShouldBeFalse();
    }

    [Fact]
    public void Reads_a_voice_note()
    {
        var message = Single(new WhatsAppWebhookBuilder().Audio(From, "media-voice-1", voice: true));

        message.Type.ShouldBe(InboundMessageType.Audio);
        message.Media!.Id.ShouldBe("media-voice-1");
        message.Media.Voice.ShouldBeTrue();
        message.Media.MimeType.ShouldBe("audio/ogg; codecs=opus");
    }

    [Fact]
    public void Reads_a_location()
    {
        var message = Single(new WhatsAppWebhookBuilder().Location(From, 6.4281, 3.4219, "Mama Put", "12 Admiralty Way, Lekki"));

        message.Type.ShouldBe(InboundMessageType.Location);
        message.Location.ShouldBe(new InboundLocation(6.4281, 3.4219, "Mama Put", "12 Admiralty Way, Lekki"));
    }

    [Fact]
    public void Reads_an_order_with_decimal_prices()
    {
        var message = Single(new WhatsAppWebhookBuilder().Order(From, "catalog-9", [("sku-jollof", 2, 2500.50m, "NGN"), ("sku-chapman", 1, 1200m, "NGN")], text: "abeg deliver"));

        message.Type.ShouldBe(InboundMessageType.Order);
        message.Order.ShouldNotBeNull();
        message.Order.CatalogId.ShouldBe("catalog-9");
        message.Order.Items.ShouldBe([new InboundOrderItem("sku-jollof", 2, 2500.50m, "NGN"), new InboundOrderItem("sku-chapman", 1, 1200m, "NGN")]);
        message.Text.ShouldBe("abeg deliver");
    }

    [Fact]
    public void Reads_order_quantities_and_prices_given_as_strings_without_floating_point_loss()
    {
        var result = Parse("""
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"P"},
            "messages":[{"from":"2348030000001","id":"wamid.O","timestamp":"1700000000","type":"order",
            "order":{"catalog_id":"c","product_items":[{"product_retailer_id":"a","quantity":"3","item_price":"0.1","currency":"NGN"},
            {"product_retailer_id":"b","quantity":1,"item_price":1234567.89,"currency":"NGN"}]}}]}}]}]}
            """);

        var items = result.Changes.Single().Messages.Single().Order!.Items;
        items[0].Quantity.ShouldBe(3);
        items[0].ItemPrice.ShouldBe(0.1m);
        items[1].ItemPrice.ShouldBe(1234567.89m);
    }

    [Theory]
    [InlineData("sticker")]
    [InlineData("video")]
    [InlineData("reaction")]
    [InlineData("unsupported")]
    public void Maps_unsupported_types_to_unknown_and_keeps_the_provider_type(string type)
    {
        var message = Single(new WhatsAppWebhookBuilder().Unsupported(From, type));

        message.Type.ShouldBe(InboundMessageType.Unknown);
        message.ProviderType.ShouldBe(type);
        message.ExternalId.ShouldStartWith("wamid.");
    }

    [Fact]
    public void Reads_statuses_with_errors_and_callback_data()
    {
        var builder = new WhatsAppWebhookBuilder()
            .Status("wamid.A", "delivered", at: SentAt, bizOpaqueCallbackData: "flow:welcome:step:3")
            .Status("wamid.B", "failed", at: SentAt, errorCode: 131047, errorTitle: "Re-engagement message");
        var result = WhatsAppPayloadParser.Parse(builder.BuildBytes(), Received);

        var statuses = result.Changes.Single().Statuses;
        statuses.Count.ShouldBe(2);
        statuses[0].MessageId.ShouldBe("wamid.A");
        statuses[0].Status.ShouldBe(DeliveryStatus.Delivered);
        statuses[0].Timestamp.ShouldBe(SentAt);
        statuses[0].RecipientId.ShouldBe("2348030000001");
        statuses[0].BizOpaqueCallbackData.ShouldBe("flow:welcome:step:3");
        statuses[0].Errors.ShouldBeEmpty();
        statuses[1].Status.ShouldBe(DeliveryStatus.Failed);
        statuses[1].Errors.ShouldHaveSingleItem().Code.ShouldBe(131047);
        statuses[1].Errors[0].Title.ShouldBe("Re-engagement message");
        result.Changes.Single().Messages.ShouldBeEmpty();
    }

    [Fact]
    public void Reads_every_entry_and_every_change()
    {
        var builder = new WhatsAppWebhookBuilder("PNID-1")
            .Text(From, "one")
            .Text("2348030000002", "two", name: "Bola")
            .NextChange("PNID-2").Text(From, "three")
            .NextEntry("PNID-3").Status("wamid.X", "read")
            .NextChange().Text(From, "four");

        var result = WhatsAppPayloadParser.Parse(builder.BuildBytes(), Received);

        result.Changes.Select(c => c.PhoneNumberId).ShouldBe(["PNID-1", "PNID-2", "PNID-3", "PNID-3"]);
        result.Changes.SelectMany(c => c.Messages).Select(m => m.Text).ShouldBe(["one", "two", "three", "four"]);
        result.Changes[0].Messages[1].ProfileName.ShouldBe("Bola");
        result.Changes[2].Statuses.ShouldHaveSingleItem().Status.ShouldBe(DeliveryStatus.Read);
    }

    [Fact]
    public void Reads_webhook_level_errors()
    {
        var result = Parse("""
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"P"},
            "errors":[{"code":131000,"title":"Something went wrong","message":"Something went wrong","error_data":{"details":"Unknown error"}}]}}]}]}
            """);

        result.Changes.Single().Errors.ShouldBe([new StatusError(131000, "Something went wrong", "Unknown error")]);
    }

    [Theory]
    [InlineData("{\"object\": \"whatsapp_business_account\", \"entry\": [")]
    [InlineData("not json at all")]
    [InlineData("")]
    public void Malformed_json_is_a_parse_error_not_an_exception(string body)
    {
        var result = Parse(body);

        result.Success.ShouldBeFalse();
        result.Error.ShouldNotBeNull();
        result.Error.ShouldStartWith("Malformed JSON");
        result.Changes.ShouldBeEmpty();
    }

    [Fact]
    public void A_json_array_is_a_parse_error()
    {
        Parse("[1,2]").Error.ShouldNotBeNull().ShouldContain("not an object");
    }

    [Fact]
    public void Other_objects_parse_without_changes()
    {
        var result = Parse("""{"object":"page","entry":[{"id":"1","changes":[{"field":"feed","value":{}}]}]}""");

        result.Success.ShouldBeTrue();
        result.Object.ShouldBe("page");
        result.Changes.ShouldBeEmpty();
    }

    [Fact]
    public void Skips_items_without_an_id_and_tolerates_odd_types()
    {
        var result = Parse("""
            {"object":"whatsapp_business_account","entry":[{"id":1,"changes":[{"field":"messages","value":{"metadata":{"phone_number_id":123},
            "messages":[{"from":"1","type":"text","text":{"body":"no id"}},{"from":2348030000001,"id":"wamid.ok","type":"text","text":"not an object"}],
            "statuses":[{"id":"wamid.s","status":"deleted","timestamp":"1"}]}}]}]}
            """);

        var change = result.Changes.Single();
        change.PhoneNumberId.ShouldBe("123");
        var message = change.Messages.ShouldHaveSingleItem();
        message.ExternalId.ShouldBe("wamid.ok");
        message.From.ShouldBe("2348030000001");
        message.Text.ShouldBeNull();
        message.Timestamp.ShouldBe(Received); // no timestamp: when we received it
        change.Statuses.ShouldBeEmpty(); // a status kind we do not track
    }

    [Theory]
    [InlineData("\"message_template_id\":123456789,\"event\":\"rejected\",\"reason\":\"INCORRECT_CATEGORY\"", "123456789", "REJECTED", "INCORRECT_CATEGORY")]
    [InlineData("\"message_template_id\":\"987\",\"event\":\"APPROVED\",\"reason\":\"NONE\"", "987", "APPROVED", null)]
    [InlineData("\"message_template_id\":5,\"event\":\"PAUSED\",\"other_info\":{\"title\":\"FIRST_PAUSE\",\"description\":\"Low quality\"}", "5", "PAUSED", "Low quality")]
    public void A_template_status_change_is_read_with_its_id_status_and_reason(string fields, string id, string status, string? reason)
    {
        var result = Parse("""{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"message_template_status_update","value":{"message_template_name":"offer","message_template_language":"en",FIELDS}}]}]}"""
            .Replace("FIELDS", fields, StringComparison.Ordinal));

        var update = result.Changes.ShouldHaveSingleItem().TemplateStatus.ShouldNotBeNull();
        update.ShouldBe(new HaloAgent.Platform.Messaging.TemplateStatusUpdate(id, "offer", "en", status, reason));
    }

    [Fact]
    public void A_template_status_change_without_an_id_is_not_a_template_update()
    {
        var result = Parse("""{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"message_template_status_update","value":{"event":"APPROVED"}}]}]}""");

        result.Success.ShouldBeTrue();
        result.Changes.ShouldHaveSingleItem().TemplateStatus.ShouldBeNull();
    }
}
