using System.Text;

namespace HaloAgent.Commerce.Persistence;

/// <summary>The one naming rule for tables, columns and stored enum values: PendingPayment → pending_payment.</summary>
internal static class SnakeCase
{
    public static string Of(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var ch = name[i];
            if (char.IsUpper(ch))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
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
}
