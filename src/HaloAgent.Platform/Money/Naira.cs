using System.Collections.Concurrent;
using System.Globalization;
using HaloAgent.Platform.Languages;

namespace HaloAgent.Platform.Money;

/// <summary>
/// Formats kobo (the only way money is stored) as Naira for people, in the customer's language: the one rule for
/// messages, prompts, reasons and the dashboard.
/// </summary>
public static class Naira
{
    private const string Symbol = "₦";
    private static readonly ConcurrentDictionary<string, NumberFormatInfo> Formats = new(StringComparer.Ordinal);

    /// <summary>In English: ₦18,000 for whole Naira, ₦18,000.50 when there are kobo.</summary>
    public static string Format(long kobo) => Format(kobo, LanguageCodes.English);

    /// <summary>
    /// ₦18,000 for whole Naira, ₦18,000.50 when there are kobo. The region culture decides separators and symbol
    /// placement (ha-NG writes "₦ 18,000"); the invariant culture is never used, it would print ¤. An unknown
    /// language reads as English.
    /// </summary>
    public static string Format(long kobo, string? language)
    {
        var amount = kobo / 100m;
        return amount.ToString(kobo % 100 == 0 ? "C0" : "C2", FormatFor(language));
    }

    private static NumberFormatInfo FormatFor(string? language) =>
        Formats.GetOrAdd(LanguageCodes.CultureName(language), static name =>
        {
            var format = (NumberFormatInfo)CultureInfo.GetCultureInfo(name).NumberFormat.Clone();
            // An ICU without Nigerian data yields a culture with the generic ¤; keep its layout, fix the symbol.
            if (format.CurrencySymbol != Symbol)
            {
                format.CurrencySymbol = Symbol;
            }

            return NumberFormatInfo.ReadOnly(format);
        });
}
