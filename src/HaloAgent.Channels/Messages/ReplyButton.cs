namespace HaloAgent.Channels.Messages;

/// <summary>One reply button: <see cref="Id"/> comes back in the customer's <c>button_reply</c>; the title is what they see (≤ 20).</summary>
public sealed record ReplyButton(string Id, string Title);
