using System.Globalization;
using System.Security;
using System.Text;

namespace HaloAgent.Payments.Tests.Support;

/// <summary>
/// Draws phone-screenshot-like transfer receipts as SVG (rendered with rsvg-convert and Noto Sans), in the layouts of
/// a few Nigerian bank apps: a coloured brand header, a headline, the big amount, then label/value rows. A row whose
/// value is long is drawn under its label, as the apps do.
/// </summary>
public sealed class ReceiptSvg(string brand, string brandColour, string headline, string? bigAmount)
{
    private const int Width = 720;
    private readonly List<(string Label, string Value)> _rows = [];
    private readonly List<string> _notes = [];

    public ReceiptSvg Row(string label, string value)
    {
        _rows.Add((label, value));
        return this;
    }

    /// <summary>A free line of text under the rows (a disclaimer, a sentence like "You sent ₦18,000 to …").</summary>
    public ReceiptSvg Note(string text)
    {
        _notes.Add(text);
        return this;
    }

    public string ToSvg(double blur = 0)
    {
        var body = new StringBuilder();
        var y = 200;
        body.Append(Text(40, y, headline, 30, "#222222"));
        y += 80;
        if (bigAmount is not null)
        {
            body.Append(Text(40, y, bigAmount, 52, "#111111", bold: true));
            y += 70;
        }

        foreach (var (label, value) in _rows)
        {
            body.Append(Text(40, y, label, 25, "#666666"));
            if (value.Length > 22)
            {
                y += 40;
                body.Append(Text(40, y, value, 25, "#111111"));
            }
            else
            {
                body.Append(Text(360, y, value, 25, "#111111"));
            }

            y += 58;
        }

        foreach (var note in _notes)
        {
            body.Append(Text(40, y, note, 24, "#333333"));
            y += 48;
        }

        var height = y + 60;
        var filter = blur > 0
            ? $"<defs><filter id=\"blur\"><feGaussianBlur stdDeviation=\"{blur.ToString(CultureInfo.InvariantCulture)}\"/></filter></defs><g filter=\"url(#blur)\">"
            : "<g>";
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{height}" viewBox="0 0 {Width} {height}">
            {filter}
            <rect width="{Width}" height="{height}" fill="#ffffff"/>
            <rect width="{Width}" height="120" fill="{brandColour}"/>
            {Text(40, 78, brand, 44, "#ffffff", bold: true)}
            {body}
            </g>
            </svg>
            """;
    }

    /// <summary>An image with no text at all: shapes and colour, like a photo of food sent by mistake.</summary>
    public static string Shapes() =>
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="720" height="900" viewBox="0 0 720 900">
          <rect width="720" height="900" fill="#f4f1e8"/>
          <circle cx="230" cy="260" r="150" fill="#e07a5f"/>
          <circle cx="230" cy="260" r="70" fill="#f2cc8f"/>
          <rect x="380" y="380" width="240" height="200" fill="#3d405b" transform="rotate(15 500 480)"/>
          <polygon points="90,820 260,560 430,820" fill="#81b29a"/>
          <ellipse cx="560" cy="760" rx="110" ry="60" fill="#a8dadc"/>
        </svg>
        """;

    private static string Text(int x, int y, string text, int size, string colour, bool bold = false) =>
        $"<text x=\"{x}\" y=\"{y}\" font-family=\"Noto Sans\" font-size=\"{size}\"{(bold ? " font-weight=\"bold\"" : "")} fill=\"{colour}\">{SecurityElement.Escape(text)}</text>\n";
}
