namespace HaloAgent.Channels.Messages;

/// <summary>A group of rows; the title (≤ 24) is required when the list has more than one section.</summary>
public sealed record ListSection(string? Title, IReadOnlyList<ListRow> Rows);
