namespace HaloAgent.Channels.Messages;

/// <summary>One choice in a list: <see cref="Id"/> comes back in the <c>list_reply</c>; title ≤ 24, description ≤ 72.</summary>
public sealed record ListRow(string Id, string Title, string? Description = null);
