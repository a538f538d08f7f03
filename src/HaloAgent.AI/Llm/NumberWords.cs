using HaloAgent.AI.Rules;

namespace HaloAgent.AI.Llm;

/// <summary>Reads a quantity the LLM wrote as text ("2", "two", "méjì", "guda biyu") with the rules' own number lexicon.</summary>
internal static class NumberWords
{
    public static int? Parse(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        if (tokens.Count == 1 && LexiconMatcher.ParseDigits(tokens[0].Text) is { } digits && tokens[0].Text.All(char.IsDigit))
        {
            return digits;
        }

        if (tokens.Count == 0)
        {
            return null;
        }

        foreach (var phrase in Lexicon.Instance.StartingWith(tokens[0].Text))
        {
            if (phrase.Kind == PhraseKind.Number && phrase.Tokens.Length == tokens.Count
                && phrase.Tokens.SequenceEqual(tokens.Select(t => t.Text), StringComparer.Ordinal))
            {
                return phrase.Value;
            }
        }

        return null;
    }
}
