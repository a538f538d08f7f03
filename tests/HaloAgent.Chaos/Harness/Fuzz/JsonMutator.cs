using System.Text;
using System.Text.Json.Nodes;

namespace HaloAgent.Chaos.Fuzz;

/// <summary>
/// Structure-aware mutations of a valid JSON document (seeded, so a failing case can be replayed): a value replaced by
/// another type or a nasty value, a property dropped or added, an array emptied or repeated, an object nested deeply;
/// and now and then byte-level damage (truncation, invalid UTF-8, a flipped byte) on the serialised text.
/// </summary>
public static class JsonMutator
{
    /// <summary>Deeply nested documents are part of the point: the writer must not refuse them.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Writer = new() { MaxDepth = 4096 };

    public static byte[] Mutate(JsonNode document, Random random)
    {
        var copy = document.DeepClone();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            copy = MutateOnce(copy, random);
        }

        var bytes = Encoding.UTF8.GetBytes(copy.ToJsonString(Writer));
        return random.Next(8) == 0 ? Damage(bytes, random) : bytes;
    }

    public static JsonNode RandomValue(Random random, int depth = 0) => random.Next(depth > 3 ? 6 : 9) switch
    {
        0 => JsonValue.Create(Nasty.String(random))!,
        1 => JsonValue.Create(Nasty.Number(random))!,
        2 => JsonValue.Create(random.Next(2) == 0)!,
        3 => JsonValue.Create("")!,
        4 => JsonValue.Create(random.Next(-5, 5))!,
        5 => JsonValue.Create(Nasty.Strings[random.Next(Nasty.Strings.Length)])!,
        6 => new JsonArray(Enumerable.Range(0, random.Next(0, 4)).Select(_ => (JsonNode?)RandomValue(random, depth + 1)).ToArray()),
        7 => Deep(random.Next(10, 300)),
        _ => new JsonObject { [Nasty.Strings[random.Next(Nasty.Strings.Length)] + "k"] = RandomValue(random, depth + 1) },
    };

    private static JsonNode MutateOnce(JsonNode root, Random random)
    {
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[random.Next(nodes.Count)];
        var parent = target.Parent;
        switch (random.Next(7))
        {
            case 0 or 1 when parent is not null:
                Replace(target, parent, random.Next(3) == 0 ? null : RandomValue(random));
                break;
            case 2 when parent is JsonObject obj:
                obj.Remove(target.GetPropertyName());
                break;
            case 3 when target is JsonObject obj:
                obj[random.Next(3) == 0 ? Nasty.String(random) : "extra" + random.Next(100)] = RandomValue(random);
                break;
            case 4 when target is JsonArray array && array.Count > 0:
                var item = array[random.Next(array.Count)];
                for (var i = random.Next(1, 60); i > 0; i--)
                {
                    array.Add(item?.DeepClone());
                }

                break;
            case 5 when target is JsonArray array:
                array.Clear();
                break;
            case 6 when parent is not null:
                Replace(target, parent, JsonValue.Create(target.ToJsonString(Writer))); // the right value as a string
                break;
            default:
                if (parent is not null)
                {
                    Replace(target, parent, RandomValue(random));
                }

                break;
        }

        return root;
    }

    private static void Replace(JsonNode target, JsonNode parent, JsonNode? value)
    {
        if (parent is JsonObject obj)
        {
            obj[target.GetPropertyName()] = value;
        }
        else if (parent is JsonArray array)
        {
            array[target.GetElementIndex()] = value;
        }
    }

    /// <summary>Nested arrays and objects, <paramref name="depth"/> deep (System.Text.Json refuses over 64 by default).</summary>
    private static JsonNode Deep(int depth)
    {
        JsonNode node = new JsonObject { ["x"] = 1 };
        for (var i = 0; i < depth; i++)
        {
            node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["a"] = node };
        }

        return node;
    }

    private static void Collect(JsonNode node, List<JsonNode> into)
    {
        into.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj.ToList())
                {
                    if (child is not null)
                    {
                        Collect(child, into);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array.ToList())
                {
                    if (child is not null)
                    {
                        Collect(child, into);
                    }
                }

                break;
        }
    }

    public static byte[] Damage(byte[] bytes, Random random)
    {
        var copy = bytes.ToArray();
        switch (random.Next(4))
        {
            case 0:
                return copy[..random.Next(copy.Length + 1)];
            case 1:
                copy[random.Next(copy.Length)] = (byte)random.Next(0x80, 0x100); // invalid UTF-8 lead or continuation
                return copy;
            case 2:
                copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                return copy;
            default:
                return [.. copy, .. new byte[] { 0xC3, 0x28, 0xED, 0xA0, 0x80 }];
        }
    }
}
