using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaloAgent.Engine.Values;

/// <summary>
/// Flow data at run time is "plain": null, bool, decimal, string, <see cref="List{T}"/> of plain values or
/// <see cref="Dictionary{TKey,TValue}"/> (ordinal string keys) of plain values. Expressions and Handlebars
/// templates read it directly, and it round-trips through JSON without loss (numbers are decimals, so kobo stays exact).
/// </summary>
public static class PlainValue
{
    public static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => FromObject(obj),
        JsonArray array => array.Select(FromJson).ToList(),
        JsonValue value => FromJsonValue(value),
        _ => null,
    };

    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.TryGetDecimal(out var d) ? d : (decimal)element.GetDouble(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value), StringComparer.Ordinal),
        _ => null,
    };

    /// <summary>Brings a value from outside (API bodies, domain code) into the plain model.</summary>
    public static object? Normalize(object? value) => value switch
    {
        null => null,
        JsonElement element => FromJson(element),
        JsonNode node => FromJson(node),
        string or bool or decimal => value,
        int i => (decimal)i,
        long l => (decimal)l,
        double f => (decimal)f,
        float f => (decimal)f,
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        System.Collections.IDictionary dict => NormalizeDictionary(dict),
        System.Collections.IEnumerable list => list.Cast<object?>().Select(Normalize).ToList(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, object?> NormalizeDictionary(System.Collections.IDictionary dict)
    {
        var result = new Dictionary<string, object?>(dict.Count, StringComparer.Ordinal);
        var entries = dict.GetEnumerator();
        while (entries.MoveNext())
        {
            result[Convert.ToString(entries.Key, CultureInfo.InvariantCulture) ?? ""] = Normalize(entries.Value);
        }

        return result;
    }

    public static Dictionary<string, object?> ObjectFromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new Dictionary<string, object?>(StringComparer.Ordinal);
        }

        using var doc = JsonDocument.Parse(json);
        return FromJson(doc.RootElement) as Dictionary<string, object?>
            ?? throw new JsonException("Expected a JSON object.");
    }

    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        bool b => JsonValue.Create(b),
        string s => JsonValue.Create(s),
        decimal d => JsonValue.Create(d),
        int i => JsonValue.Create((decimal)i),
        long l => JsonValue.Create((decimal)l),
        double f => JsonValue.Create((decimal)f),
        DateTimeOffset t => JsonValue.Create(t.ToString("O", CultureInfo.InvariantCulture)),
        IDictionary<string, object?> dict => new JsonObject(dict.Select(kv => KeyValuePair.Create(kv.Key, ToJson(kv.Value)))),
        System.Collections.IEnumerable list => new JsonArray(list.Cast<object?>().Select(ToJson).ToArray()),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    public static string Serialize(object? value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case string s: writer.WriteStringValue(s); break;
            case decimal d: writer.WriteNumberValue(d); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double f: writer.WriteNumberValue(f); break;
            case DateTimeOffset t: writer.WriteStringValue(t); break;
            case JsonNode node: node.WriteTo(writer); break;
            case JsonElement element: element.WriteTo(writer); break;
            case IDictionary<string, object?> dict:
                writer.WriteStartObject();
                foreach (var (key, item) in dict)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }

                writer.WriteEndObject();
                break;
            case System.Collections.IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default: writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>Deep copy, so that a snapshot (journal, persisted state) is not changed by later steps.</summary>
    public static object? Clone(object? value) => value switch
    {
        Dictionary<string, object?> dict => dict.ToDictionary(kv => kv.Key, kv => Clone(kv.Value), StringComparer.Ordinal),
        List<object?> list => list.Select(Clone).ToList(),
        _ => value,
    };

    private static Dictionary<string, object?> FromObject(JsonObject obj)
    {
        var result = new Dictionary<string, object?>(obj.Count, StringComparer.Ordinal);
        foreach (var (key, item) in obj)
        {
            result[key] = FromJson(item);
        }

        return result;
    }

    private static object? FromJsonValue(JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return FromJson(element);
        }

        if (value.TryGetValue<bool>(out var b)) return b;
        if (value.TryGetValue<string>(out var s)) return s;
        if (value.TryGetValue<decimal>(out var d)) return d;
        if (value.TryGetValue<double>(out var f)) return (decimal)f;
        if (value.TryGetValue<long>(out var l)) return (decimal)l;
        if (value.TryGetValue<int>(out var i)) return (decimal)i;
        return value.ToJsonString();
    }
}
