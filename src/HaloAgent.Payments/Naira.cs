using System.Globalization;

namespace HaloAgent.Payments;

/// <summary>Kobo as the naira amount people read in reasons and messages: ₦18,000.00.</summary>
internal static class Naira
{
    public static string Format(long kobo)
    {
        var sign = kobo < 0 ? "-" : "";
        var abs = Math.Abs((decimal)kobo) / 100m;
        return sign + "₦" + abs.ToString("#,##0.00", CultureInfo.InvariantCulture);
    }
}
