using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HaloAgent.Payments.References;

namespace HaloAgent.Payments.Receipts;

/// <summary>
/// Reads the fields of a Nigerian bank or wallet transfer receipt from OCR text (GTBank, Access, Zenith, First Bank,
/// UBA, OPay, Moniepoint, Kuda, PalmPay…). Tolerates what OCR does to receipts: ₦ read as N, #, H or ¥; labels and
/// values on one line or two; stray spaces in amounts. Finds nothing rather than guessing: every field may be null.
/// </summary>
public sealed partial class ReceiptTextParser(PaymentReferenceFormat referenceFormat, TimeSpan? receiptTimeZoneOffset = null)
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private readonly TimeSpan _offset = receiptTimeZoneOffset ?? TimeSpan.FromHours(1);

    public ReceiptFields Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ReceiptFields.Empty;
        }

        var lines = Normalize(text).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        var all = string.Join('\n', lines);
        var amount = FindAmount(lines);
        var (paidAt, hasTime) = FindDate(lines);
        var bank = NigerianBanks.First(all);
        var recipient = FindLabelled(lines, RecipientLabel());
        return new ReceiptFields
        {
            AmountKobo = amount?.Kobo,
            AmountText = amount?.Text,
            PaidAt = paidAt,
            HasTime = hasTime,
            Bank = bank?.Name,
            RecipientBank = FindRecipientBank(lines, recipient?.Line),
            SenderName = CleanName(FindLabelled(lines, SenderLabel())?.Value),
            RecipientName = CleanName(recipient?.Value) ?? FindSentTo(lines),
            TransactionReference = FindTransactionReference(lines),
            SessionId = FindSessionId(lines),
            PaymentReferences = referenceFormat.FindIn(all),
            BlurredPaymentReferences = referenceFormat.FindBlurredIn(all),
            Status = FindStatus(lines),
            ReceiptWordCount = ReceiptWords().Matches(all).Select(m => m.Value.ToLowerInvariant()).Distinct().Count(),
        };
    }

    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
        {
            builder.Append(c switch
            {
                '\u00A0' or '\u2007' or '\u202F' or '\t' => ' ',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                '\uFF1A' => ':',
                '\u2018' or '\u2019' => '\'',
                _ => c,
            });
        }

        return builder.ToString();
    }

    // ---- amount ------------------------------------------------------------------------------------------------

    private sealed record Money(long Kobo, string Text, bool HasCurrency, int DigitsBeforeDecimal);

    private static Money? FindAmount(string[] lines)
    {
        var found = FindAmountCandidate(lines);
        if (found is null || found.HasCurrency)
        {
            return found;
        }

        // OCR sometimes reads a small ₦ as a digit ("You sent 818,000" for "₦18,000"). When an unmarked amount is a
        // marked one with one extra leading digit, the marked one is what was printed.
        var digits = found.Kobo.ToString(CultureInfo.InvariantCulture);
        var marked = lines.Where(l => !NotTheAmount().IsMatch(l)).SelectMany(Amounts)
            .FirstOrDefault(m => m.HasCurrency && m.Kobo.ToString(CultureInfo.InvariantCulture) is var inner
                && digits.Length == inner.Length + 1 && digits.EndsWith(inner, StringComparison.Ordinal));
        return marked ?? found;
    }

    private static Money? FindAmountCandidate(string[] lines)
    {
        // 1. A labelled amount ("Amount", "Total", "You sent"): the value on the label's line, else the next line.
        for (var i = 0; i < lines.Length; i++)
        {
            var label = AmountLabel().Match(lines[i]);
            if (!label.Success || NotTheAmount().IsMatch(lines[i]))
            {
                continue;
            }

            var onLine = Amounts(lines[i][(label.Index + label.Length)..]).FirstOrDefault(m => m.HasCurrency || m.DigitsBeforeDecimal <= 9);
            if (onLine is not null)
            {
                return onLine;
            }

            if (i + 1 < lines.Length && !NotTheAmount().IsMatch(lines[i + 1]) && !AmountLabel().IsMatch(lines[i + 1]))
            {
                var next = Amounts(lines[i + 1]).FirstOrDefault();
                if (next is not null && (next.HasCurrency || LooksLikeMoney(next.Text)))
                {
                    return next;
                }
            }
        }

        // 2. The largest amount with a currency mark, away from fees and balances. Account numbers (#0123456789) are
        //    long unseparated digit runs: not amounts.
        var marked = lines.Where(l => !NotTheAmount().IsMatch(l))
            .SelectMany(Amounts)
            .Where(m => m.HasCurrency && (m.DigitsBeforeDecimal <= 7 || m.Text.Contains(',', StringComparison.Ordinal)))
            .MaxBy(m => m.Kobo);
        if (marked is not null)
        {
            return marked;
        }

        // 3. OCR dropped the ₦: "18,000.00" is still plainly money (a separator and two decimals).
        return lines.Where(l => !NotTheAmount().IsMatch(l)).SelectMany(Amounts).Where(m => LooksLikeMoney(m.Text)).MaxBy(m => m.Kobo);
    }

    private static bool LooksLikeMoney(string text) => MoneyShape().IsMatch(text);

    private static IEnumerable<Money> Amounts(string line)
    {
        foreach (Match match in AmountPattern().Matches(line))
        {
            var integer = new string(match.Groups["int"].Value.Where(char.IsAsciiDigit).ToArray());
            var decimals = match.Groups["dec"].Success ? match.Groups["dec"].Value : "00";
            if (integer.Length is 0 or > 11)
            {
                continue;
            }

            var kobo = long.Parse(integer, CultureInfo.InvariantCulture) * 100 + long.Parse(decimals, CultureInfo.InvariantCulture);
            if (kobo <= 0)
            {
                continue;
            }

            yield return new Money(kobo, match.Value.Trim(), match.Groups["cur"].Success, integer.Length);
        }
    }

    // ---- date and time -----------------------------------------------------------------------------------------

    private (DateTimeOffset? At, bool HasTime) FindDate(string[] lines)
    {
        // Prefer a line labelled as the transaction's date; then any date. Times are looked for on the date's line
        // (after the date), then the lines either side (apps often print "Date" and "Time" as two rows).
        var order = Enumerable.Range(0, lines.Length)
            .OrderBy(i => DateLabel().IsMatch(lines[i]) || (i > 0 && DateLabel().IsMatch(lines[i - 1])) ? 0 : 1)
            .ThenBy(i => i);
        foreach (var i in order)
        {
            if (TryDate(lines[i], out var date, out var end))
            {
                var time = TryTime(lines[i][end..]) ?? TryTime(lines[i][..Math.Max(0, end - 1)])
                    ?? NeighbourTime(lines, i + 1) ?? NeighbourTime(lines, i + 2) ?? NeighbourTime(lines, i - 1);
                var local = time is { } t ? date.ToDateTime(t) : date.ToDateTime(TimeOnly.MinValue);
                return (new DateTimeOffset(local, _offset), time is not null);
            }
        }

        return (null, false);
    }

    private static TimeOnly? NeighbourTime(string[] lines, int index) =>
        index >= 0 && index < lines.Length && !TryDate(lines[index], out _, out _) ? TryTime(lines[index]) : null;

    private static bool TryDate(string line, out DateOnly date, out int end)
    {
        date = default;
        end = 0;
        var best = (Index: int.MaxValue, Date: default(DateOnly), End: 0);
        foreach (var (pattern, kind) in DatePatterns)
        {
            foreach (Match m in pattern.Matches(line))
            {
                if (m.Index < best.Index && ToDate(m, kind) is { } parsed)
                {
                    best = (m.Index, parsed, m.Index + m.Length);
                }
            }
        }

        if (best.Index == int.MaxValue)
        {
            return false;
        }

        (date, end) = (best.Date, best.End);
        return true;
    }

    private enum DateKind
    {
        YearMonthDay,
        DayMonthYear,
        DayMonthNameYear,
        MonthNameDayYear,
    }

    private static readonly (Regex Pattern, DateKind Kind)[] DatePatterns =
    [
        (new Regex(@"(?<!\d)(?<y>20\d{2})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?!\d)", Options, TimeSpan.FromSeconds(1)), DateKind.YearMonthDay),
        (new Regex(@"(?<!\d)(?<d>\d{1,2})[-/.](?<m>\d{1,2})[-/.](?<y>20\d{2}|\d{2})(?!\d)", Options, TimeSpan.FromSeconds(1)), DateKind.DayMonthYear),
        (new Regex(@"(?<!\d)(?<d>\d{1,2})(?:st|nd|rd|th)?[\s\-/.,]+(?<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[\s\-/.,]+(?<y>20\d{2})(?!\d)", Options, TimeSpan.FromSeconds(1)), DateKind.DayMonthNameYear),
        (new Regex(@"\b(?<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>20\d{2})(?!\d)", Options, TimeSpan.FromSeconds(1)), DateKind.MonthNameDayYear),
    ];

    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static DateOnly? ToDate(Match m, DateKind kind)
    {
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        year = year < 100 ? 2000 + year : year;
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        int month;
        if (kind is DateKind.DayMonthNameYear or DateKind.MonthNameDayYear)
        {
            month = Array.IndexOf(MonthNames, m.Groups["mon"].Value[..3].ToLowerInvariant()) + 1;
        }
        else
        {
            month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            // Nigerian apps print day/month; a US-style export (month/day) shows itself when the "month" exceeds 12.
            if (kind == DateKind.DayMonthYear && month > 12 && day <= 12)
            {
                (day, month) = (month, day);
            }
        }

        return month is >= 1 and <= 12 && year is >= 2000 and <= 2100 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    private static TimeOnly? TryTime(string text)
    {
        var m = TimePattern().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups["min"].Value, CultureInfo.InvariantCulture);
        var second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (m.Groups["ap"].Success)
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }

            var pm = char.ToLowerInvariant(m.Groups["ap"].Value[0]) == 'p';
            hour = hour % 12 + (pm ? 12 : 0);
        }

        return hour <= 23 ? new TimeOnly(hour, minute, second) : null;
    }

    // ---- names, banks, references, status -----------------------------------------------------------------------

    private sealed record Labelled(string Value, int Line);

    /// <summary>The value after a label at the start of a line ("Sender: ADA OKAFOR"), or on the next line when the label stands alone.</summary>
    private static Labelled? FindLabelled(string[] lines, Regex label)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var m = label.Match(lines[i]);
            if (!m.Success)
            {
                continue;
            }

            var value = lines[i][(m.Index + m.Length)..].TrimStart(' ', ':', '-', '|', '.').Trim();
            if (value.Length > 0)
            {
                return new Labelled(value, i);
            }

            if (i + 1 < lines.Length)
            {
                return new Labelled(lines[i + 1], i + 1);
            }
        }

        return null;
    }

    /// <summary>
    /// Keeps the name part of a value: up to an account number, a separator or a bank name, letters only, 2 to 60
    /// characters. Null when nothing name-like is left.
    /// </summary>
    private static string? CleanName(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var cut = NameStop().Match(value);
        if (cut.Success)
        {
            value = value[..cut.Index];
        }

        if (NigerianBanks.First(value) is { } bank && bank.Index > 0)
        {
            value = value[..bank.Index];
        }

        var name = new StringBuilder();
        foreach (var c in value)
        {
            name.Append(char.IsLetter(c) || c is '\'' or '-' or '.' or '&' ? c : ' ');
        }

        var cleaned = string.Join(' ', name.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim(' ', '-', '.');
        return cleaned.Count(char.IsLetter) >= 2 && cleaned.Length <= 60 && NigerianBanks.First(cleaned) is null ? cleaned : null;
    }

    /// <summary>Wallet apps (Kuda, OPay) often say "You sent ₦18,000 to MAMA NKECHI KITCHEN" instead of a labelled row.</summary>
    private static string? FindSentTo(string[] lines)
    {
        foreach (var line in lines)
        {
            var m = SentTo().Match(line);
            if (m.Success && CleanName(m.Groups["name"].Value) is { } name)
            {
                return name;
            }
        }

        return null;
    }

    private static string? FindRecipientBank(string[] lines, int? recipientLine)
    {
        var labelled = FindLabelled(lines, RecipientBankLabel());
        if (labelled is not null && NigerianBanks.First(labelled.Value) is { } bank)
        {
            return bank.Name;
        }

        // Many apps print the beneficiary's bank under their name: "MAMA NKECHI KITCHEN / Moniepoint | 8012345678".
        if (recipientLine is { } line)
        {
            for (var i = line; i < Math.Min(lines.Length, line + 2); i++)
            {
                if (i > line && (SenderLabel().IsMatch(lines[i]) || AmountLabel().IsMatch(lines[i])))
                {
                    break;
                }

                if (NigerianBanks.First(lines[i]) is { } nearby)
                {
                    return nearby.Name;
                }
            }
        }

        return null;
    }

    private string? FindTransactionReference(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var m = TransactionReferenceLabel().Match(lines[i]);
            if (!m.Success)
            {
                continue;
            }

            var rest = lines[i][(m.Index + m.Length)..];
            var value = ReferenceToken(rest) ?? (rest.Trim(' ', ':', '-').Length == 0 && i + 1 < lines.Length ? ReferenceToken(lines[i + 1]) : null);
            if (value is not null)
            {
                return value;
            }
        }

        return null;
    }

    private string? ReferenceToken(string text)
    {
        foreach (Match token in ReferenceTokenPattern().Matches(text))
        {
            var value = token.Value.Trim('-', '/', '_', '.');
            // Our own reference in the reference field is the customer's narration, reported separately.
            if (value.Length >= 6 && value.Any(char.IsAsciiDigit) && referenceFormat.FindIn(value).Count == 0)
            {
                return value;
            }
        }

        return null;
    }

    private static string? FindSessionId(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var m = SessionLabel().Match(lines[i]);
            if (!m.Success)
            {
                continue;
            }

            // Long ids wrap or pick up stray spaces in OCR; join the digit groups.
            var digits = Digits(lines[i][(m.Index + m.Length)..]);
            if (digits.Length < 10 && i + 1 < lines.Length)
            {
                digits += Digits(lines[i + 1]);
            }

            if (digits.Length >= 10)
            {
                return digits;
            }
        }

        return null;

        static string Digits(string text) => string.Concat(DigitRun().Matches(text).Select(m => m.Value));
    }

    private static ReceiptStatus FindStatus(string[] lines)
    {
        var labelled = FindLabelled(lines, StatusLabel());
        if (labelled is not null && StatusOf(labelled.Value) is { } fromLabel)
        {
            return fromLabel;
        }

        // Short lines are headings and badges ("Transfer Successful", "Pending"); long ones are disclaimers
        // ("If this transaction failed, contact…") and say nothing about this transfer.
        foreach (var line in lines.Where(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5))
        {
            if (StatusOf(line) is { } status)
            {
                return status;
            }
        }

        return ReceiptStatus.Unknown;
    }

    private static ReceiptStatus? StatusOf(string text) =>
        FailedWord().IsMatch(text) ? ReceiptStatus.Failed
        : PendingWord().IsMatch(text) ? ReceiptStatus.Pending
        : SuccessWord().IsMatch(text) ? ReceiptStatus.Successful
        : null;

    // ---- patterns ----------------------------------------------------------------------------------------------

    /// <summary>
    /// A naira amount: optional currency mark (₦, NGN, N, #, H, ¥, =N= as OCR renders ₦), then digits with thousands
    /// separators (OCR may add a space after one) and optional kobo.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}\d.,:/])(?<cur>=N=|₦|NGN|(?<![\p{L}])N|#|(?<![\p{L}])H|¥|Ñ)?\s?(?<int>\d{1,3}(?:[,.]\s?\d{3})+|\d+)(?:[.,](?<dec>\d{2}))?(?![\d%:/\-])", Options)]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"\d{1,3}(?:,\d{3})+\.\d{2}$|\d+\.\d{2}$", Options)]
    private static partial Regex MoneyShape();

    [GeneratedRegex(@"\b(?:total\s+amount|amount\s+(?:paid|sent|transferred|debited)|transfer\s+amount|amount|total|you\s+(?:sent|paid|transferred)|amt)\b", Options)]
    private static partial Regex AmountLabel();

    /// <summary>Lines whose numbers are not the transfer: fees, VAT, stamp duty, balances, cashback, session ids and account numbers.</summary>
    [GeneratedRegex(@"\b(?:fees?|charges?|vat|stamp\s+duty|balance|bal|commission|cashback|bonus|session|acct|account\s+(?:no|number)|phone|tel)\b", Options)]
    private static partial Regex NotTheAmount();

    [GeneratedRegex(@"\b(?:date|time|paid\s+on|sent\s+on|completed\s+on|transaction\s+time|created)\b", Options)]
    private static partial Regex DateLabel();

    [GeneratedRegex(@"(?<![\d:])(?<h>[01]?\d|2[0-3]):(?<min>[0-5]\d)(?::(?<s>[0-5]\d))?(?:\s*(?<ap>[ap])\.?\s?m\b\.?)?(?![\d:])", Options)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^(?:sender(?:'s)?(?:\s+(?:name|details))?|sent\s+by|from(?:\s+account)?|originator|payer|remitter|debit\s+account(?:\s+name)?|source\s+account(?:\s+name)?)\b", Options)]
    private static partial Regex SenderLabel();

    [GeneratedRegex(@"^(?:beneficiary(?:\s+(?:name|details|account\s+name))?|recipient(?:\s+(?:name|details|account))?|receiver(?:\s+name)?|sent\s+to|paid\s+to|transfer\s+to|to|credit\s+account(?:\s+name)?|destination\s+account(?:\s+name)?|account\s+name)\b(?!\s+bank)", Options)]
    private static partial Regex RecipientLabel();

    [GeneratedRegex(@"^(?:(?:beneficiary|recipient|receiver|receiving|destination|to)\s+bank(?:\s+name)?|bank\s+name|bank)\b", Options)]
    private static partial Regex RecipientBankLabel();

    [GeneratedRegex(@"\byou\s+(?:sent|paid|transferred)\b.*?\bto\s+(?<name>[\p{L}][\p{L}'.&\- ]{2,60})$", Options)]
    private static partial Regex SentTo();

    [GeneratedRegex(@"\d{4,}|\||\(|/|\s{3,}|\bacc(?:oun)?t\b", Options)]
    private static partial Regex NameStop();

    [GeneratedRegex(@"^(?:transaction\s*(?:ref(?:erence)?|id|no\.?|number|#)|trans(?:action)?\.?\s*ref\.?|txn\s*(?:ref|id)|ref(?:erence)?(?:\s*(?:no\.?|number|id))?|rrn)\b", Options)]
    private static partial Regex TransactionReferenceLabel();

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9\-/_.]{4,}", Options)]
    private static partial Regex ReferenceTokenPattern();

    [GeneratedRegex(@"^session\s*(?:id|no\.?)?\b", Options)]
    private static partial Regex SessionLabel();

    [GeneratedRegex(@"\d+", Options)]
    private static partial Regex DigitRun();

    [GeneratedRegex(@"^(?:transaction\s+)?status\b", Options)]
    private static partial Regex StatusLabel();

    [GeneratedRegex(@"\b(?:failed|declined|unsuccessful|reversed|rejected)\b", Options)]
    private static partial Regex FailedWord();

    [GeneratedRegex(@"\b(?:pending|processing|in\s+progress|awaiting)\b", Options)]
    private static partial Regex PendingWord();

    [GeneratedRegex(@"\b(?:successful(?:ly)?|success|completed|approved)\b", Options)]
    private static partial Regex SuccessWord();

    [GeneratedRegex(@"\b(?:transfer|transaction|amount|beneficiary|recipient|sender|session|reference|narration|receipt|successful|account|debit|credit|remark|description)\b", Options)]
    private static partial Regex ReceiptWords();
}
