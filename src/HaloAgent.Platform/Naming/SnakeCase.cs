using System.Text;
using System.Text.Json;

namespace HaloAgent.Platform.Naming;

/// <summary>
/// The one snake_case rule for tables, columns, stored enum values and wire names: PendingPayment → pending_payment,
/// WaId → wa_id, HTTPServer → http_server (a run of capitals is one word), Sha256Hash → sha256_hash.
/// Stored names are pinned by a test: changing this rule renames data.
/// </summary>
public static class SnakeCase
{
    /// <summary>The same rule for System.Text.Json (enum converters, property names).</summary>
    public static JsonNamingPolicy JsonPolicy { get; } = new Policy();

    public static string Of(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var ch = name[i];
            if (char.IsUpper(ch))
            {
                if (i > 0 && StartsWord(name, i))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(ch));
            }
            else
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }

    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Of(value.ToString());

    /// <exception cref="FormatException">No value of <typeparamref name="TEnum"/> has that name.</exception>
    public static TEnum Parse<TEnum>(string text) where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(value), text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw new FormatException($"'{text}' is not a {typeof(TEnum).Name}.");
    }

    /// <summary>A capital starts a word after a lower-case letter or digit, or when it ends a run of capitals (HTTP|Server).</summary>
    private static bool StartsWord(string name, int i)
    {
        var previous = name[i - 1];
        return char.IsLower(previous) || char.IsDigit(previous)
            || (char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]));
    }

    private sealed class Policy : JsonNamingPolicy
    {
        public override string ConvertName(string name) => Of(name);
    }
}
