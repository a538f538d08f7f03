using System.Text.Json.Serialization;
using HaloAgent.Platform.Naming;

namespace HaloAgent.Channels.Inbound;

/// <summary>What WhatsApp reports about a message we sent.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeliveryStatus>))]
public enum DeliveryStatus
{
    [JsonStringEnumMemberName("sent")]
    Sent,

    [JsonStringEnumMemberName("delivered")]
    Delivered,

    [JsonStringEnumMemberName("read")]
    Read,

    [JsonStringEnumMemberName("failed")]
    Failed,
}

internal static class DeliveryStatusNames
{
    public static string ToWire(this DeliveryStatus status) => SnakeCase.Of(status);

    public static DeliveryStatus? Parse(string? value) => value switch
    {
        "sent" => DeliveryStatus.Sent,
        "delivered" => DeliveryStatus.Delivered,
        "read" => DeliveryStatus.Read,
        "failed" => DeliveryStatus.Failed,
        _ => null,
    };
}
