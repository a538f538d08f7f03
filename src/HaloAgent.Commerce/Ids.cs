namespace HaloAgent.Commerce;

internal static class Ids
{
    /// <summary>Time-ordered, so new rows land at the end of the primary key index.</summary>
    public static string New() => Guid.CreateVersion7().ToString("N");
}
