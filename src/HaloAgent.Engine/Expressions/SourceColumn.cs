namespace HaloAgent.Engine.Expressions;

/// <summary>Error messages talk about 1-based columns; positions in code are 0-based indexes.</summary>
internal static class SourceColumn
{
    public static string Of(int position) => $"column {position + 1}";
}
