namespace HaloAgent.Commerce.Contacts;

/// <summary>The team's free-text note on a contact ("allergic to groundnuts", "pays on delivery only").</summary>
public static class ContactNote
{
    public const int MaxLength = 2000;

    /// <summary>The note as stored (trimmed, line ends as \n), or null when it is too long.</summary>
    public static string? Normalize(string? text)
    {
        var note = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return note.Length > MaxLength ? null : note;
    }
}
