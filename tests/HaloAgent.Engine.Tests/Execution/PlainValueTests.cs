using System.Text.Json;
using System.Text.Json.Nodes;
using HaloAgent.Engine.Values;

namespace HaloAgent.Engine.Tests.Execution;

public sealed class PlainValueTests
{
    private const string Document = """{"amount":1800000,"price":0.1,"kobo":150050,"rate":12.500,"name":"Ada","ok":true,"none":null,"items":[{"sku":"A1","qty":2},[1,2.5,"x"],[]],"nested":{"deep":{"deeper":{"v":-0.000001}}},"empty":{}}""";

    [Fact]
    public void Json_to_plain_to_json_keeps_the_document_exactly()
    {
        var plain = PlainValue.ObjectFromJson(Document);

        PlainValue.Serialize(plain).ShouldBe(Document);
        PlainValue.ToJson(plain)!.ToJsonString().ShouldBe(Document);
    }

    [Fact]
    public void Numbers_become_exact_decimals()
    {
        var plain = PlainValue.ObjectFromJson(Document);

        plain["amount"].ShouldBeOfType<decimal>().ShouldBe(1800000m);
        plain["price"].ShouldBe(0.1m);
        plain["rate"].ShouldBe(12.500m);
        ((decimal)plain["price"]! * 3).ShouldBe(0.3m); // no binary floating point drift
        var nested = (Dictionary<string, object?>)((Dictionary<string, object?>)((Dictionary<string, object?>)plain["nested"]!)["deep"]!)["deeper"]!;
        nested["v"].ShouldBe(-0.000001m);
    }

    [Fact]
    public void Objects_and_arrays_become_dictionaries_and_lists()
    {
        var plain = PlainValue.ObjectFromJson(Document);

        plain["name"].ShouldBe("Ada");
        plain["ok"].ShouldBe(true);
        plain.ContainsKey("none").ShouldBeTrue();
        plain["none"].ShouldBeNull();
        var items = plain["items"].ShouldBeOfType<List<object?>>();
        items.Count.ShouldBe(3);
        var first = items[0].ShouldBeOfType<Dictionary<string, object?>>();
        first["sku"].ShouldBe("A1");
        first["qty"].ShouldBe(2m);
        items[1].ShouldBeOfType<List<object?>>().ShouldBe([1m, 2.5m, "x"]);
        items[2].ShouldBeOfType<List<object?>>().ShouldBeEmpty();
        plain["empty"].ShouldBeOfType<Dictionary<string, object?>>().ShouldBeEmpty();
    }

    [Fact]
    public void Object_keys_are_case_sensitive()
    {
        var plain = PlainValue.ObjectFromJson("""{ "Name": "upper", "name": "lower" }""");

        plain["Name"].ShouldBe("upper");
        plain["name"].ShouldBe("lower");
        plain.ContainsKey("NAME").ShouldBeFalse();
    }

    [Fact]
    public void JsonNode_and_JsonElement_read_the_same()
    {
        using var doc = JsonDocument.Parse(Document);
        var fromElement = PlainValue.FromJson(doc.RootElement);
        var fromNode = PlainValue.FromJson(JsonNode.Parse(Document));

        PlainValue.Serialize(fromElement).ShouldBe(Document);
        PlainValue.Serialize(fromNode).ShouldBe(Document);
    }

    [Fact]
    public void JsonValues_created_in_code_are_read_as_plain_values()
    {
        PlainValue.FromJson(JsonValue.Create(1800000m)).ShouldBe(1800000m);
        PlainValue.FromJson(JsonValue.Create(42)).ShouldBe(42m);
        PlainValue.FromJson(JsonValue.Create(42L)).ShouldBe(42m);
        PlainValue.FromJson(JsonValue.Create(0.1)).ShouldBe(0.1m);
        PlainValue.FromJson(JsonValue.Create("text")).ShouldBe("text");
        PlainValue.FromJson(JsonValue.Create(true)).ShouldBe(true);
        PlainValue.FromJson((JsonNode?)null).ShouldBeNull();
    }

    [Fact]
    public void ObjectFromJson_of_nothing_is_an_empty_object_and_of_a_non_object_is_an_error()
    {
        PlainValue.ObjectFromJson(null).ShouldBeEmpty();
        PlainValue.ObjectFromJson("  ").ShouldBeEmpty();
        Should.Throw<JsonException>(() => PlainValue.ObjectFromJson("[1, 2]"));
    }

    [Fact]
    public void Normalize_brings_clr_numbers_to_decimal()
    {
        PlainValue.Normalize(5).ShouldBeOfType<decimal>().ShouldBe(5m);
        PlainValue.Normalize(5_000_000_000L).ShouldBeOfType<decimal>().ShouldBe(5_000_000_000m);
        PlainValue.Normalize(0.1d).ShouldBeOfType<decimal>().ShouldBe(0.1m);
        PlainValue.Normalize(2.5f).ShouldBeOfType<decimal>().ShouldBe(2.5m);
        PlainValue.Normalize(12.34m).ShouldBe(12.34m);
        PlainValue.Normalize("x").ShouldBe("x");
        PlainValue.Normalize(false).ShouldBe(false);
        PlainValue.Normalize(null).ShouldBeNull();
    }

    [Fact]
    public void Normalize_turns_dates_into_iso_8601_text()
    {
        PlainValue.Normalize(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(1))).ShouldBe("2026-11-22T09:00:00.0000000+01:00");
    }

    [Fact]
    public void Normalize_reads_a_JsonElement()
    {
        using var doc = JsonDocument.Parse("""{ "total": 1800000, "tags": ["a"], "price": 0.1 }""");

        var plain = PlainValue.Normalize(doc.RootElement).ShouldBeOfType<Dictionary<string, object?>>();

        plain["total"].ShouldBe(1800000m);
        plain["price"].ShouldBe(0.1m);
        plain["tags"].ShouldBeOfType<List<object?>>().ShouldBe(["a"]);
    }

    [Fact]
    public void Normalize_walks_dictionaries_and_lists_of_objects()
    {
        var value = new Dictionary<string, object?>
        {
            ["count"] = 3,
            ["items"] = new object?[] { 1L, 2.5d, "x", null },
            ["inner"] = new Dictionary<string, object?> { ["ok"] = true, ["n"] = 7 },
        };

        var plain = PlainValue.Normalize(value).ShouldBeOfType<Dictionary<string, object?>>();

        plain["count"].ShouldBe(3m);
        plain["items"].ShouldBeOfType<List<object?>>().ShouldBe([1m, 2.5m, "x", null]);
        var inner = plain["inner"].ShouldBeOfType<Dictionary<string, object?>>();
        inner["n"].ShouldBe(7m);
        inner["ok"].ShouldBe(true);
        PlainValue.Serialize(plain).ShouldBe("""{"count":3,"items":[1,2.5,"x",null],"inner":{"ok":true,"n":7}}""");
    }

    [Fact]
    public void Normalize_reads_typed_dictionaries_as_objects()
    {
        // Regression: domain code often hands over Dictionary<string, string> or Dictionary<string, int>. Normalize used to
        // match only IDictionary<string, object?>, so these fell through to the IEnumerable case and became a list of
        // "[key, value]" strings.
        var metadata = new Dictionary<string, string> { ["channel"] = "whatsapp" };
        var stock = new Dictionary<string, int> { ["A1"] = 3 };

        var plainMetadata = PlainValue.Normalize(metadata).ShouldBeOfType<Dictionary<string, object?>>();
        plainMetadata["channel"].ShouldBe("whatsapp");
        var plainStock = PlainValue.Normalize(stock).ShouldBeOfType<Dictionary<string, object?>>();
        plainStock["A1"].ShouldBe(3m);
    }

    [Fact]
    public void Clone_is_deep()
    {
        var original = PlainValue.ObjectFromJson("""{ "cart": { "items": [ { "qty": 1 } ] } }""");

        var copy = (Dictionary<string, object?>)PlainValue.Clone(original)!;
        var items = (List<object?>)((Dictionary<string, object?>)copy["cart"]!)["items"]!;
        ((Dictionary<string, object?>)items[0]!)["qty"] = 5m;
        items.Add("new");

        PlainValue.Serialize(original).ShouldBe("""{"cart":{"items":[{"qty":1}]}}""");
        PlainValue.Serialize(copy).ShouldBe("""{"cart":{"items":[{"qty":5},"new"]}}""");
    }

    [Fact]
    public void ToJson_writes_clr_numbers_as_json_numbers()
    {
        PlainValue.ToJson(5)!.ToJsonString().ShouldBe("5");
        PlainValue.ToJson(5L)!.ToJsonString().ShouldBe("5");
        PlainValue.ToJson(0.1d)!.ToJsonString().ShouldBe("0.1");
        PlainValue.ToJson(1800000m)!.ToJsonString().ShouldBe("1800000");
        PlainValue.ToJson(null).ShouldBeNull();
    }
}
