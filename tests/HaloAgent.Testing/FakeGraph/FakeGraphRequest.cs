using System.Text.Json.Nodes;

namespace HaloAgent.Testing.FakeGraph;

/// <summary>
/// One <c>POST /{phone-number-id}/messages</c> the fake received: the body as JSON, and how it was answered
/// (<see cref="Wamid"/> when accepted, <see cref="Error"/> when it failed on purpose or for a bad token).
/// </summary>
public sealed record FakeGraphRequest(string PhoneNumberId, string? Authorization, JsonObject Body, string? Wamid, FakeGraphError? Error)
{
    public bool Accepted => Wamid is not null;

    /// <summary>When the fake received it (to line sends up with faults injected meanwhile).</summary>
    public DateTimeOffset ReceivedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The recipient (<c>to</c>).</summary>
    public string? To => Body["to"]?.GetValue<string>();

    /// <summary><c>text</c>, <c>interactive</c>, <c>image</c>, <c>template</c> (null for a mark-as-read).</summary>
    public string? Type => Body["type"]?.GetValue<string>();

    /// <summary>The text a customer would see first: text body, interactive body, image caption or template name.</summary>
    public string? Text => Type switch
    {
        "text" => Body["text"]?["body"]?.GetValue<string>(),
        "interactive" => Body["interactive"]?["body"]?["text"]?.GetValue<string>(),
        "image" => Body["image"]?["caption"]?.GetValue<string>(),
        "template" => Body["template"]?["name"]?.GetValue<string>(),
        _ => null,
    };

    public bool IsReadReceipt => Body["status"]?.GetValue<string>() == "read";
}
