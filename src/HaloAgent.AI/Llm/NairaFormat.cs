using System.Globalization;

namespace HaloAgent.AI.Llm;

/// <summary>Kobo as Naira the way Nigerians read it (₦3,500.00), via the en-NG region culture.</summary>
internal static class NairaFormat
{
    private static readonly CultureInfo Culture = Load();

    public static string Format(long kobo) => (kobo / 100m).ToString("C", Culture);

    private static CultureInfo Load()
    {
        try
        {
            return CultureInfo.GetCultureInfo("en-NG");
        }
        catch (CultureNotFoundException)
        {
            // Without ICU data there is no en-NG; build the symbol by hand rather than print "¤".
            var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            culture.NumberFormat.CurrencySymbol = "₦";
            return CultureInfo.ReadOnly(culture);
        }
    }
}
