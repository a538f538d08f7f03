using System.Text.Json;
using System.Text.Json.Serialization;
using HaloAgent.Platform.Naming;

namespace HaloAgent.Platform.Tests.Naming;

public sealed class SnakeCaseTests
{
    private enum Sample
    {
        Paid,
        PendingPayment,
        ButtonReply,
    }

    [Theory]
    [InlineData("Id", "id")]
    [InlineData("PendingPayment", "pending_payment")]
    [InlineData("WaId", "wa_id")]
    [InlineData("PhoneE164", "phone_e164")]
    [InlineData("Sha256Hash", "sha256_hash")]
    [InlineData("HTTPServer", "http_server")]
    [InlineData("ETag", "e_tag")]
    [InlineData("UserID", "user_id")]
    [InlineData("already_snake", "already_snake")]
    public void Words_are_joined_by_underscores(string name, string expected)
    {
        SnakeCase.Of(name).ShouldBe(expected);
    }

    [Fact]
    public void Enum_values_round_trip()
    {
        SnakeCase.Of(Sample.PendingPayment).ShouldBe("pending_payment");
        SnakeCase.Parse<Sample>("pending_payment").ShouldBe(Sample.PendingPayment);
        Should.Throw<FormatException>(() => SnakeCase.Parse<Sample>("PendingPayment"));
    }

    [Fact]
    public void The_json_policy_is_the_same_rule()
    {
        var options = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter(SnakeCase.JsonPolicy) } };

        JsonSerializer.Serialize(Sample.ButtonReply, options).ShouldBe("\"button_reply\"");
        JsonSerializer.Deserialize<Sample>("\"pending_payment\"", options).ShouldBe(Sample.PendingPayment);
    }

    [Theory]
    [InlineData("WhatsAppPhoneNumberId", "whatsapp_phone_number_id")]
    [InlineData("NamesJson", "names")]
    [InlineData("Json", "json")]
    [InlineData("MarketingOptOutAt", "marketing_opt_out_at")]
    public void Column_options_keep_a_module_s_stored_names(string property, string column)
    {
        var options = new SnakeCaseColumns { OneWord = ["WhatsApp"], DropSuffix = "Json" };

        SnakeCaseModel.ColumnName(property, options).ShouldBe(column);
    }

    [Fact]
    public void Without_options_columns_are_the_plain_rule()
    {
        SnakeCaseModel.ColumnName("WhatsAppPhoneNumberId").ShouldBe("whats_app_phone_number_id");
        SnakeCaseModel.ColumnName("NamesJson").ShouldBe("names_json");
    }
}
