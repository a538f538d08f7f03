using System.Text.Json.Serialization;

namespace HaloAgent.Channels.Outbox;

/// <summary>
/// Where a queued message is: <see cref="Queued"/> and <see cref="Sending"/> are ours; after Meta accepted it (sent)
/// its delivery reports move it on. Reports are applied by rank (sent &lt; failed &lt; delivered &lt; read), never
/// backwards, so a late "delivered" does not overwrite "read".
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<OutboundStatus>))]
public enum OutboundStatus
{
    [JsonStringEnumMemberName("queued")]
    Queued,

    [JsonStringEnumMemberName("sending")]
    Sending,

    [JsonStringEnumMemberName("sent")]
    Sent,

    [JsonStringEnumMemberName("delivered")]
    Delivered,

    [JsonStringEnumMemberName("read")]
    Read,

    [JsonStringEnumMemberName("failed")]
    Failed,
}
