namespace HaloAgent.Platform.Messaging;

/// <summary>One message template as Meta lists it for a WhatsApp Business Account (one row per language).</summary>
public sealed record RemoteTemplate(
    string MetaId, string Name, string Language, string Category, string Status, string? StatusReason, string Body, int ParameterCount);

/// <summary>Lists a business's templates from Meta (implemented where the channel credentials live).</summary>
public interface IWhatsAppTemplateSource
{
    /// <exception cref="TemplateSourceException">The business has no account id or token, or Meta refused: the message says which.</exception>
    Task<IReadOnlyList<RemoteTemplate>> FetchAsync(string businessId, CancellationToken cancellationToken);
}

/// <summary>Why the templates could not be listed, in words for the person who asked.</summary>
public sealed class TemplateSourceException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Meta's <c>message_template_status_update</c>: a template was approved, rejected, paused, disabled, …</summary>
public sealed record TemplateStatusUpdate(string MetaId, string? Name, string? Language, string Status, string? Reason);

/// <summary>Takes template status changes from the webhook (implemented by the module that keeps templates).</summary>
public interface ITemplateStatusSink
{
    /// <returns>How many stored templates changed (0 when the template is not known here).</returns>
    Task<int> ApplyAsync(TemplateStatusUpdate update, CancellationToken cancellationToken);
}
