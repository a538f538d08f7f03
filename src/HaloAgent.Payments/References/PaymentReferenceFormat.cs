using System.Text;
using System.Text.RegularExpressions;

namespace HaloAgent.Payments.References;

/// <summary>
/// The shape of our payment references, <c>PREFIX-CODE</c> (e.g. <c>HLO-7K2Q9</c>), and reading them back from what a
/// customer typed or a bank printed in a narration ("hlo 7k2q9", "HLO7K2Q9", "Ref: hlo-7k2q9").
/// </summary>
/// <remarks>
/// The code alphabet leaves out 0/O, 1/I/L: customers copy the reference by eye into a bank app's narration, and those
/// are the characters people (and OCR) confuse.
/// </remarks>
public sealed class PaymentReferenceFormat
{
    public const string DefaultPrefix = "HLO";
    public const int DefaultCodeLength = 5;

    /// <summary>23 letters and 8 digits: no 0, O, 1, I, L.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private readonly Regex _inText;
    private readonly Regex _blurredInText;

    public PaymentReferenceFormat(string prefix = DefaultPrefix, int codeLength = DefaultCodeLength)
    {
        prefix = (prefix ?? "").Trim().ToUpperInvariant();
        if (prefix.Length is < 1 or > 8 || !prefix.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"A payment reference prefix is 1 to 8 letters or digits, not '{prefix}'.", nameof(prefix));
        }

        if (codeLength is < 4 or > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(codeLength), codeLength, "A payment reference code has 4 to 16 characters.");
        }

        Prefix = prefix;
        CodeLength = codeLength;
        // In free text the prefix is required (a bare 5-character word is too often something else), separated from
        // the code by nothing, a dash, an underscore, a dot or spaces; and not glued to neighbouring letters or digits.
        _inText = new Regex(
            $@"(?<![A-Za-z0-9]){Regex.Escape(prefix)}[\s\-_.]*(?<code>[{Alphabet}]{{{codeLength}}})(?![A-Za-z0-9])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));

        // OCR sometimes reads one character of the code as something outside the alphabet ("9" as "I", "J" as ")"):
        // the same shape with any one non-space character in the code, for references with one unreadable character.
        _blurredInText = new Regex(
            $@"(?<![A-Za-z0-9]){Regex.Escape(prefix)}[\s\-_.]*(?<code>[^\s]{{{codeLength}}})(?![A-Za-z0-9])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
    }

    public static PaymentReferenceFormat Default { get; } = new();

    public string Prefix { get; }

    public int CodeLength { get; }

    /// <summary>How many different references exist.</summary>
    public double Combinations => Math.Pow(Alphabet.Length, CodeLength);

    /// <summary><c>PREFIX-CODE</c> for a code of this format's length and alphabet.</summary>
    public string Format(string code)
    {
        if (!IsCode(code))
        {
            throw new ArgumentException($"'{code}' is not a {CodeLength}-character code from the reference alphabet.", nameof(code));
        }

        return $"{Prefix}-{code}";
    }

    /// <summary>True when <paramref name="reference"/> is exactly in canonical form (<c>HLO-7K2Q9</c>).</summary>
    public bool IsCanonical(string? reference) =>
        reference is not null
        && reference.Length == Prefix.Length + 1 + CodeLength
        && reference.StartsWith(Prefix, StringComparison.Ordinal)
        && reference[Prefix.Length] == '-'
        && IsCode(reference.AsSpan(Prefix.Length + 1));

    /// <summary>
    /// Reads a reference a customer typed on its own: case, spaces, dashes, dots and underscores do not matter, and the
    /// prefix may be left out ("7k2q9"). Returns the canonical form, or false when it cannot be one of ours.
    /// </summary>
    public bool TryNormalize(string? typed, out string reference)
    {
        reference = "";
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 64)
        {
            return false;
        }

        var compact = new StringBuilder(typed.Length);
        foreach (var c in typed.Trim())
        {
            if (char.IsWhiteSpace(c) || c is '-' or '_' or '.' or '#')
            {
                continue;
            }

            compact.Append(char.ToUpperInvariant(c));
        }

        var text = compact.ToString();
        if (text.Length == Prefix.Length + CodeLength && text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            text = text[Prefix.Length..];
        }

        if (!IsCode(text))
        {
            return false;
        }

        reference = $"{Prefix}-{text}";
        return true;
    }

    /// <summary>Every reference of ours written somewhere in <paramref name="text"/> (a message, a receipt's OCR text), canonical and distinct.</summary>
    public IReadOnlyList<string> FindIn(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        return _inText.Matches(text)
            .Select(m => $"{Prefix}-{m.Groups["code"].Value.ToUpperInvariant()}")
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// References in OCR text with exactly one character that cannot be part of a code (read as something outside the
    /// alphabet), in canonical form with <c>?</c> in its place (<c>HLO-ZA?JA</c>): evidence to compare with the one
    /// expected, never a reference of its own.
    /// </summary>
    public IReadOnlyList<string> FindBlurredIn(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        return _blurredInText.Matches(text)
            .Select(m => m.Groups["code"].Value.ToUpperInvariant())
            .Where(code => code.Count(c => !Alphabet.Contains(c)) == 1)
            .Select(code => $"{Prefix}-{new string(code.Select(c => Alphabet.Contains(c) ? c : '?').ToArray())}")
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private bool IsCode(ReadOnlySpan<char> code)
    {
        if (code.Length != CodeLength)
        {
            return false;
        }

        foreach (var c in code)
        {
            if (!Alphabet.Contains(c))
            {
                return false;
            }
        }

        return true;
    }
}
