namespace HaloAgent.Channels.WhatsApp;

/// <summary>
/// The outcome of parsing a webhook body: either the changes it holds, or why it could not be read. Never an exception:
/// a bad body is data to record, not a crash.
/// </summary>
public sealed record WhatsAppParseResult
{
    private WhatsAppParseResult(string? @object, IReadOnlyList<WhatsAppChange> changes, string? error)
    {
        Object = @object;
        Changes = changes;
        Error = error;
    }

    /// <summary>The envelope's <c>object</c>; only <c>whatsapp_business_account</c> carries changes we read.</summary>
    public string? Object { get; }

    public IReadOnlyList<WhatsAppChange> Changes { get; }

    /// <summary>Why the body could not be parsed (malformed JSON, not an object); null on success.</summary>
    public string? Error { get; }

    public bool Success => Error is null;

    internal static WhatsAppParseResult Ok(string? @object, IReadOnlyList<WhatsAppChange> changes) => new(@object, changes, null);

    internal static WhatsAppParseResult Fail(string error) => new(null, [], error);
}
