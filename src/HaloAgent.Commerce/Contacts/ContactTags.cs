using System.Globalization;

namespace HaloAgent.Commerce.Contacts;

/// <summary>
/// The owner's tags on a contact: short lower-case labels (letters, digits, space, '-' or '_'), stored in one column as
/// <c>|vip|lekki|</c> so a tag is found with one LIKE on SQLite and PostgreSQL alike.
/// </summary>
public static class ContactTags
{
    public const int MaxTags = 20;
    public const int MaxLength = 30;

    public static IReadOnlyList<string> Read(string column) =>
        column.Split('|', StringSplitOptions.RemoveEmptyEntries);

    public static string Write(IReadOnlyCollection<string> tags) => tags.Count == 0 ? "" : "|" + string.Join('|', tags) + "|";

    /// <summary>How one tag is found in the column.</summary>
    public static string Needle(string tag) => "|" + tag + "|";

    /// <summary>The tag as stored, or null (with why) when it cannot be one.</summary>
    public static string? Normalize(string? text, out string error)
    {
        var tag = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLower(CultureInfo.InvariantCulture);
        error = "";
        if (tag.Length == 0)
        {
            error = "A tag cannot be empty.";
            return null;
        }

        if (tag.Length > MaxLength)
        {
            error = $"The tag '{tag[..MaxLength]}…' is longer than {MaxLength} characters.";
            return null;
        }

        if (!tag.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_'))
        {
            error = $"The tag '{tag}' may hold letters, digits, spaces, '-' and '_' only.";
            return null;
        }

        return tag;
    }

    /// <summary>The list as stored (each normalised, duplicates dropped, in the order given), or null with why.</summary>
    public static IReadOnlyList<string>? NormalizeAll(IReadOnlyList<string?> tags, out string error)
    {
        var result = new List<string>();
        foreach (var text in tags)
        {
            if (Normalize(text, out error) is not { } tag)
            {
                return null;
            }

            if (!result.Contains(tag, StringComparer.Ordinal))
            {
                result.Add(tag);
            }
        }

        error = result.Count > MaxTags ? $"A contact has at most {MaxTags} tags, not {result.Count}." : "";
        return result.Count > MaxTags ? null : result;
    }
}
