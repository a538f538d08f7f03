namespace HaloAgent.Channels.Graph;

/// <summary>
/// The Graph API refused a call: Meta's error object (<c>{"error":{"message","type","code","error_subcode","error_data",
/// "fbtrace_id"}}</c>) and the HTTP status.
/// </summary>
public sealed class GraphApiException(int httpStatus, int? code, string? title, string? details = null, int? subcode = null, string? fbTraceId = null)
    : Exception($"Graph API error {code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} (HTTP {httpStatus}): {title}{(details is null ? "" : " – " + details)}")
{
    public int HttpStatus { get; } = httpStatus;

    public int? Code { get; } = code;

    public int? Subcode { get; } = subcode;

    /// <summary>Meta's <c>error_user_title</c> or <c>message</c>.</summary>
    public string? Title { get; } = title;

    /// <summary><c>error_data.details</c> when given.</summary>
    public string? Details { get; } = details;

    public string? FbTraceId { get; } = fbTraceId;

    public bool IsTransient => MetaErrors.IsTransient(Code, HttpStatus);
}
