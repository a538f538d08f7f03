using HaloAgent.Platform.Identity;

namespace HaloAgent.Commerce;

internal static class Ids
{
    public static string New() => RowIds.New();
}
