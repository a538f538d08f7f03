using System.Globalization;

namespace HaloAgent.Channels.Messages;

/// <summary>
/// Meta's limits on what can be sent. Content over a limit is rejected when the message is built (a clear error in the
/// flow step that made it), never silently cut: a truncated button title or price can change its meaning. Callers that
/// prefer to cut (e.g. an LLM reply) do it deliberately with <see cref="Truncate"/>. Lengths are counted in UTF-16
/// units, which is never less than what Meta counts, so a text that passes here passes there.
/// </summary>
public static class WhatsAppLimits
{
    public const int TextBody = 4096;
    public const int ButtonsBody = 1024;
    public const int ListBody = 4096;
    public const int HeaderText = 60;
    public const int Footer = 60;
    public const int MaxButtons = 3;
    public const int ButtonTitle = 20;
    public const int ButtonId = 256;
    public const int ListButton = 20;
    public const int MaxSections = 10;
    public const int MaxRows = 10;
    public const int SectionTitle = 24;
    public const int RowTitle = 24;
    public const int RowDescription = 72;
    public const int RowId = 200;
    public const int Caption = 1024;
    public const int BizOpaqueCallbackData = 512;
    public const int TemplateName = 512;

    /// <summary>
    /// Cuts <paramref name="text"/> to at most <paramref name="max"/> UTF-16 units, ending with "…" when cut, without
    /// splitting a character (emoji, combining marks).
    /// </summary>
    public static string Truncate(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (text.Length <= max)
        {
            return text;
        }

        var budget = max - 1; // room for the ellipsis
        var end = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var next = elements.ElementIndex + elements.GetTextElement().Length;
            if (next > budget)
            {
                break;
            }

            end = next;
        }

        return text[..end].TrimEnd() + "…";
    }
}
