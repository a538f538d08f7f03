using System.Text;

namespace HaloAgent.AI.Rules;

/// <summary>Makes any inbound text safe to analyse: bounded, and valid Unicode.</summary>
internal static class InputText
{
    /// <summary>
    /// The first <see cref="RuleBasedUnderstanding.MaxInputLength"/> characters, with lone surrogates (half an emoji
    /// from a client that cut a message) replaced by U+FFFD: normalisation and JSON encoding both reject them.
    /// </summary>
    public static string Prepare(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var length = Math.Min(text.Length, RuleBasedUnderstanding.MaxInputLength);
        if (length < text.Length && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[i + 1]);
                i++;
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return builder.ToString();
    }
}
