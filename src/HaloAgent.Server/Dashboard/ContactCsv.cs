using HaloAgent.Commerce;
using HaloAgent.Commerce.Contacts;

namespace HaloAgent.Server.Dashboard;

/// <summary>
/// Parses <c>name,phone,language,marketingOptIn</c> (header optional, fields may be quoted with "…" and "" inside).
/// Every line is judged alone, so one broken row never hides the others. A line break inside quotes is not supported
/// (no field of a contact needs one); such a row is reported as malformed.
/// </summary>
internal static class ContactCsv
{
    private const int MaxNameLength = 100;
    private static readonly string[] Header = ["name", "phone", "language", "marketingoptin"];

    public static (IReadOnlyList<ContactImportRow> Rows, IReadOnlyList<ContactImportError> Errors) Parse(string csv)
    {
        var rows = new List<ContactImportRow>();
        var errors = new List<ContactImportError>();
        var lines = csv.Split('\n');
        var sawContent = false;
        for (var index = 0; index < lines.Length; index++)
        {
            var number = index + 1;
            var line = lines[index].TrimEnd('\r');
            if (index == 0)
            {
                line = line.TrimStart('\uFEFF');
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!TrySplit(line, out var fields, out var malformed))
            {
                errors.Add(new ContactImportError(number, malformed));
                sawContent = true;
                continue;
            }

            if (!sawContent && IsHeader(fields))
            {
                sawContent = true;
                continue;
            }

            sawContent = true;
            if (fields.Count > Header.Length)
            {
                errors.Add(new ContactImportError(number, $"Expected at most {Header.Length} columns (name,phone,language,marketingOptIn), found {fields.Count}."));
                continue;
            }

            if (ParseRow(number, fields, out var error) is { } row)
            {
                rows.Add(row);
            }
            else
            {
                errors.Add(new ContactImportError(number, error));
            }
        }

        return (rows, errors);
    }

    private static bool IsHeader(IReadOnlyList<string> fields) =>
        fields.Count >= 2 && fields[0].Trim().Equals("name", StringComparison.OrdinalIgnoreCase) && fields[1].Trim().Equals("phone", StringComparison.OrdinalIgnoreCase);

    private static ContactImportRow? ParseRow(int line, IReadOnlyList<string> fields, out string error)
    {
        string Field(int i) => i < fields.Count ? fields[i].Trim() : "";

        if (!NigerianPhoneText(Field(1), out var phone, out error))
        {
            return null;
        }

        string? language = null;
        if (Field(2).Length > 0)
        {
            language = LanguageCodes.Normalize(Field(2));
            if (language is null)
            {
                error = $"Unknown language '{Field(2)}': use one of {string.Join(", ", LanguageCodes.All)}.";
                return null;
            }
        }

        bool? optIn = null;
        if (Field(3).Length > 0)
        {
            optIn = Field(3).ToLowerInvariant() switch
            {
                "true" or "yes" or "y" or "1" => true,
                "false" or "no" or "n" or "0" => false,
                _ => null,
            };
            if (optIn is null)
            {
                error = $"marketingOptIn must be true or false (or yes/no, 1/0), not '{Field(3)}'.";
                return null;
            }
        }

        var name = string.Join(' ', Field(0).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        error = "";
        return new ContactImportRow(line, name.Length == 0 ? null : name.Length <= MaxNameLength ? name : name[..MaxNameLength], phone, language, optIn);
    }

    private static bool NigerianPhoneText(string text, out string phone, out string error)
    {
        try
        {
            phone = NigerianPhone.ToE164(text);
            error = "";
            return true;
        }
        catch (FormatException e)
        {
            phone = "";
            error = e.Message;
            return false;
        }
    }

    private static bool TrySplit(string line, out List<string> fields, out string error)
    {
        fields = [];
        var current = new System.Text.StringBuilder();
        var quoted = false;
        var atFieldStart = true;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(ch);
                }
            }
            else if (ch == '"' && atFieldStart)
            {
                quoted = true;
                atFieldStart = false;
            }
            else if (ch == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
                atFieldStart = true;
            }
            else
            {
                if (!char.IsWhiteSpace(ch))
                {
                    atFieldStart = false;
                }

                current.Append(ch);
            }
        }

        if (quoted)
        {
            fields = [];
            error = "Malformed CSV: a quoted field is not closed on this line.";
            return false;
        }

        fields.Add(current.ToString());
        error = "";
        return true;
    }
}
