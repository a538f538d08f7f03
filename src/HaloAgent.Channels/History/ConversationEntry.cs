using System.Text.Json.Nodes;
using HaloAgent.Channels.Messages;

namespace HaloAgent.Channels.History;

/// <summary>
/// One message of a conversation, either way. <see cref="Text"/> is what a person reads; <see cref="Choices"/> the
/// buttons or list rows offered (id and title, to answer with); <see cref="Status"/> for outbound messages is the
/// outbox's (queued … read, failed).
/// </summary>
public sealed record ConversationEntry(
    string Id,
    string Direction,
    string Channel,
    DateTimeOffset At,
    string Type,
    string Text,
    IReadOnlyList<ConversationChoice> Choices,
    string? Status)
{
    public const string Inbound = "inbound";
    public const string Outbound = "outbound";

    /// <summary>For interactive lists: the label of the button that opens the list.</summary>
    public string? ListButton { get; init; }

    /// <summary>A picture a web chat visitor sent, readable by their session (WhatsApp media stays with Meta and has none).</summary>
    public ConversationImage? Image { get; init; }

    internal static IReadOnlyList<ConversationChoice> ChoicesOf(JsonNode? interactive) =>
        InteractiveChoices.Read(interactive).Where(c => c.Id.Length > 0).Select(c => new ConversationChoice(c.Id, c.Title, c.Description)).ToList();
}

public sealed record ConversationChoice(string Id, string Title, string? Description);

public sealed record ConversationImage(string Id, string MimeType);
