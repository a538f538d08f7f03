using HaloAgent.Channels.Inbound;

namespace HaloAgent.Channels.Outbox;

/// <summary>A claimed outbox row (mutable for Dapper).</summary>
internal sealed class OutboxRow
{
    public string Id { get; set; } = "";

    public string BusinessId { get; set; } = "";

    public string Recipient { get; set; } = "";

    public string IdempotencyKey { get; set; } = "";

    public string Channel { get; set; } = ChannelNames.WhatsApp;

    public string MessageType { get; set; } = "";

    public string Payload { get; set; } = "";

    /// <summary>The approved-template language to fall back to outside the 24-hour window (null: the default).</summary>
    public string? TemplateLanguage { get; set; }

    /// <summary>Including the attempt this claim is for.</summary>
    public int Attempts { get; set; }

    /// <summary>The claim's lease; also its fencing token (a row re-claimed after the lease has another).</summary>
    public long LeaseUntil { get; set; }

    public long CreatedAt { get; set; }

    public ChannelKind ChannelKind => ChannelNames.Parse(Channel);
}
