namespace HaloAgent.AI.Rules;

/// <summary>Words that, after a house number, make text look like a Nigerian street address ("12 Allen Avenue").</summary>
internal static class StreetWords
{
    private static readonly HashSet<string> Streets = new(StringComparer.Ordinal)
    {
        "street", "st", "str", "road", "rd", "avenue", "ave", "av", "close", "crescent", "cres", "way", "lane", "ln",
        "drive", "dr", "estate", "layout", "expressway", "expy", "highway", "boulevard", "blvd", "titin", "titi",
        "quarters", "qtrs", "phase", "extension", "ext", "lodge", "court", "gardens", "mall", "plaza", "junction",
    };

    /// <summary>Words that may stand before the house number and belong to the address ("No 5", "Plot 12").</summary>
    private static readonly HashSet<string> Prefixes = new(StringComparer.Ordinal)
    {
        "no", "nos", "number", "plot", "house", "block", "flat", "shop", "suite", "apt",
    };

    /// <summary>Abbreviations whose full stop does not end the address ("12 Allen Ave. Ikeja").</summary>
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "st", "str", "rd", "ave", "av", "cres", "dr", "ln", "no", "nos", "opp", "blvd", "expy", "ext", "qtrs", "apt",
    };

    public static bool IsStreet(string token) => Streets.Contains(token);

    public static bool IsPrefix(string token) => Prefixes.Contains(token);

    public static bool IsAbbreviation(string token) => Abbreviations.Contains(token);
}
