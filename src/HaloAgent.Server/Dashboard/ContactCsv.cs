using CsvHelper;
using HaloAgent.Commerce;
using HaloAgent.Commerce.Contacts;

namespace HaloAgent.Server.Dashboard;

/// <summary>
/// Parses <c>name,phone,language,marketingOptIn</c> with CsvHelper (RFC 4180): header optional, fields may be quoted
/// with "…" (holding separators, line breaks and "" for a quote), a UTF-8 BOM is ignored, and the separator is detected
/// from the first lines (',' or ';' as Excel writes it where the list separator is ';', or an Excel <c>sep=;</c> line).
/// Every record is judged alone, so one broken row never hides the others; errors name the line the record starts on.
/// </summary>
internal static class ContactCsv
{
    private const int MaxNameLength = 100;
    private static readonly string[] Header = ["name", "phone", "language", "marketingoptin"];

    public static (IReadOnlyList<ContactImportRow> Rows, IReadOnlyList<ContactImportError> Errors) Parse(string csv)
    {
        var rows = new List<ContactImportRow>();
        var errors = new List<ContactImportError>();
        var unterminated = new HashSet<long>();
        var options = CsvReaderOptions.Default with
        {
            HasHeader = false, // optional: recognised below by its first two names
            TrackLineNumbers = true,
            TrimWhitespace = true,
            IncludeValuesInExceptions = false, // names and phone numbers stay out of logs
            OnMalformedRecord = record =>
            {
                // Stray quotes are read as text (as before); only a quote never closed loses data, and is reported.
                if (record.Reason == CsvMalformedReason.UnterminatedQuote)
                {
                    unterminated.Add(record.LineNumber);
                }
            },
        };
        using var reader = CsvReader.Create(new StringReader(csv), options, leaveOpen: false);
        var sawContent = false;
        while (reader.Read())
        {
            var number = (int)reader.LineNumber;
            if (reader.FieldCount == 1 && reader.IsEmpty(0) && !unterminated.Contains(number))
            {
                continue; // a line of blanks
            }

            var header = !sawContent;
            sawContent = true;
            if (unterminated.Contains(number))
            {
                errors.Add(new ContactImportError(number,
                    "Malformed CSV: a quoted field opened on this line is never closed, so the rest of the file was read into it. Close the quote and import again."));
                continue;
            }

            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i);
            }

            if (header && IsHeader(fields))
            {
                continue;
            }

            if (fields.Length > Header.Length)
            {
                errors.Add(new ContactImportError(number, $"Expected at most {Header.Length} columns (name,phone,language,marketingOptIn), found {fields.Length}."));
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
}
