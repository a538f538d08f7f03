namespace HaloAgent.Platform.Identity;

/// <summary>New row ids: UUID v7 in 32 hex digits, so ids sort by creation time and index well.</summary>
public static class RowIds
{
    public static string New() => Guid.CreateVersion7().ToString("N");
}
