using HaloAgent.Platform.Messaging;
using HaloAgent.Channels.Outbox.Transports;

namespace HaloAgent.Channels.Graph;

/// <summary>
/// The Graph API refused a call: Meta's error object (<c>{"error":{"message","type","code","error_subcode","error_data",
/// "fbtrace_id"}}</c>) and the HTTP status.
/// </summary>
public sealed class GraphApiException(int httpStatus, int? code, string? title, string? details = null, int? subcode = null, string? fbTraceId = null)
    : ChannelSendException(
        $"Graph API error {code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} (HTTP {httpStatus}): {title}{(details is null ? "" : " – " + details)}",
        httpStatus, code, title, details)
{
    public int? Subcode { get; } = subcode;

    public string? FbTraceId { get; } = fbTraceId;

    public override bool IsTransient => MetaErrors.IsTransient(Code, HttpStatus);

    public override string? Explanation => MetaErrors.Explain(Code);
}
