using System.Globalization;
using System.Text;

namespace HaloAgent.AI.Rules;

/// <summary>Splits raw text into folded words, dropping emoji and punctuation but remembering where clauses break.</summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string raw)
    {
        var tokens = new List<Token>();
        var index = 0;
        var pendingBreak = false;
        var startOfWord = -1;

        while (index < raw.Length)
        {
            if (Rune.DecodeFromUtf16(raw.AsSpan(index), out var rune, out var length) != System.Buffers.OperationStatus.Done)
            {
                // A lone surrogate from a truncated emoji: treat it as a separator.
                rune = new Rune(' ');
                length = 1;
            }

            if (IsWordPart(raw, index, rune, startOfWord >= 0))
            {
                if (startOfWord < 0)
                {
                    startOfWord = index;
                }
            }
            else
            {
                if (startOfWord >= 0)
                {
                    Emit(raw, startOfWord, index, ref pendingBreak, tokens);
                    startOfWord = -1;
                }

                if (IsClauseBreak(rune.Value))
                {
                    pendingBreak = true;
                }
            }

            index += length;
        }

        if (startOfWord >= 0)
        {
            Emit(raw, startOfWord, raw.Length, ref pendingBreak, tokens);
        }

        return tokens;
    }

    private static void Emit(string raw, int start, int end, ref bool pendingBreak, List<Token> tokens)
    {
        var folded = TextFolding.Fold(raw[start..end]);
        if (folded.Length > 0)
        {
            tokens.Add(new Token(folded, start, end, pendingBreak && tokens.Count > 0));
            pendingBreak = false;
        }
    }

    private static bool IsWordPart(string raw, int index, Rune rune, bool inWord)
    {
        if (Rune.IsLetterOrDigit(rune))
        {
            return true;
        }

        if (!inWord)
        {
            return false;
        }

        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
        {
            // Tone marks typed as combining characters, and the keycap of "2️⃣".
            return true;
        }

        // An apostrophe between letters ("a'a", "don't"), or a separator between digits ("5,000", "2.5"), stays inside the word.
        var next = index + rune.Utf16SequenceLength;
        if (next >= raw.Length || index == 0)
        {
            return false;
        }

        var previous = raw[index - 1];
        var following = raw[next];
        if (TextFolding.IsApostrophe(rune.Value))
        {
            return char.IsLetter(following);
        }

        return rune.Value is ',' or '.' && char.IsDigit(previous) && char.IsDigit(following);
    }

    private static bool IsClauseBreak(int codePoint) =>
        codePoint is ',' or ';' or '.' or '!' or '?' or ':' or '\n' or '\r' or '(' or ')' or '/' or '|' or '&' or '+';
}
