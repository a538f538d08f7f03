using System.Text.Json.Nodes;

namespace HaloAgent.Channels.Messages;

/// <summary>A plain text message (≤ 4096 characters).</summary>
public sealed record TextContent(string Body, bool PreviewUrl = false) : OutboundContent
{
    public override string MessageType => "text";

    private protected override void Validate(List<string> errors) => Require(errors, Body, WhatsAppLimits.TextBody, "Text body");

    private protected override JsonObject ToGraphObject() => new() { ["preview_url"] = PreviewUrl, ["body"] = Body };
}
