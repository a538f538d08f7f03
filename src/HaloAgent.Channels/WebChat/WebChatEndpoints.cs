using System.Text.Json;
using System.Threading.RateLimiting;
using HaloAgent.Channels.History;
using HaloAgent.Channels.Routing;
using HaloAgent.Channels.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HaloAgent.Channels.WebChat;

/// <summary>
/// The web chat fallback: a public page per business (<c>GET /chat/{slug}</c>) and its small API. A visitor gets a
/// session the server issued and signed for that business (<see cref="WebChatSessions"/>, their only credential); any
/// other session id is refused and nothing is stored. Their messages go through the same inbox, dedupe and agent as
/// WhatsApp ones, and the agent's replies are read back from the outbox. Posting is rate-limited per address, reading
/// per address and per session.
/// </summary>
public static class WebChatEndpoints
{
    public const string SessionsPolicy = "webchat-sessions";
    public const string MessagesPolicy = "webchat-messages";
    private const int MaxPostBytes = 32 * 1024;

    private static readonly Lazy<string> Page = new(() =>
    {
        using var stream = typeof(WebChatEndpoints).Assembly.GetManifestResourceStream("HaloAgent.Channels.WebChat.webchat.html")
            ?? throw new InvalidOperationException("The web chat page is not embedded in HaloAgent.Channels.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/chat/{slug}", PageAsync).WithTags("Web chat").ExcludeFromDescription();
        var api = endpoints.MapGroup("/api/webchat/{slug}").WithTags("Web chat");
        api.MapPost("/sessions", StartSessionAsync).RequireRateLimiting(SessionsPolicy);
        api.MapPost("/messages", PostAsync).RequireRateLimiting(MessagesPolicy);
        api.MapGet("/messages", TranscriptAsync);
        api.MapWebChatImages();
        return endpoints;
    }

    /// <summary>The per-address limits of the public endpoints (<see cref="WebChatOptions"/>).</summary>
    internal static IServiceCollection AddWebChatRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SessionsPolicy, context => PerAddress(context, o => o.SessionsPerMinute));
            limiter.AddPolicy(MessagesPolicy, context => PerAddress(context, o => o.MessagesPerMinute));
        });

    private static RateLimitPartition<string> PerAddress(HttpContext context, Func<WebChatOptions, int> permits)
    {
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<ChannelsOptions>>().CurrentValue.WebChat;
        return WebChatReadLimiter.Partition($"{context.Connection.RemoteIpAddress}", permits(options));
    }

    private static async Task<IResult> PageAsync(
        string slug, IChannelBusinessDirectory directory, IOptionsMonitor<ChannelsOptions> options, CancellationToken cancellationToken)
    {
        var business = await directory.FindBySlugAsync(slug, cancellationToken);
        if (business is null)
        {
            return Results.Content("<!doctype html><title>Not found</title><p>There is no business at this address.</p>", "text/html; charset=utf-8", statusCode: 404);
        }

        var name = System.Net.WebUtility.HtmlEncode(business.Name ?? slug);
        // Both outside the inline script and style, whose CSP hashes are of the page as embedded.
        var page = Page.Value.Replace("{{business}}", name, StringComparison.Ordinal)
            .Replace("{{maxImageBytes}}", options.CurrentValue.WebChat.MaxImageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return Results.Content(page, "text/html; charset=utf-8");
    }

    private static async Task<IResult> StartSessionAsync(string slug, IChannelBusinessDirectory directory, WebChatSessions sessions, CancellationToken cancellationToken)
    {
        var business = await directory.FindBySlugAsync(slug, cancellationToken);
        return business is null
            ? UnknownBusiness(slug)
            : Results.Json(new { sessionId = sessions.Issue(business.Id).Token, business = new { slug, name = business.Name ?? slug } }, statusCode: 201);
    }

    private static async Task<IResult> PostAsync(
        string slug, HttpRequest request, IChannelBusinessDirectory directory, WebChatSessions sessions, WebChatInbox inbox, CancellationToken cancellationToken)
    {
        var business = await directory.FindBySlugAsync(slug, cancellationToken);
        if (business is null)
        {
            return UnknownBusiness(slug);
        }

        var body = await RawBody.ReadAsync(request, MaxPostBytes, cancellationToken);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, $"A web chat message is at most {MaxPostBytes / 1024} KB.");
        }

        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            return Problem(StatusCodes.Status400BadRequest, "The body is not valid UTF-8.");
        }

        WebChatPost? post;
        try
        {
            post = JsonSerializer.Deserialize<WebChatPost>(body, WebChatMessageParser.Json);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string System.Text.Json cannot read (e.g. an escaped lone surrogate).
            return Problem(StatusCodes.Status400BadRequest, $"The body is not valid JSON: {ex.Message}");
        }

        if (post is null)
        {
            return Problem(StatusCodes.Status400BadRequest, WebChatMessageParser.Problem(post)!);
        }

        if (post.Image is not null)
        {
            // Only an upload the server stored may name a picture; a post pointing at one could claim another's receipt.
            return Problem(StatusCodes.Status400BadRequest, $"A picture is sent as the body of POST /api/webchat/{slug}/images, not named in a message.");
        }

        var session = sessions.Check(business.Id, post.SessionId);
        if (session.Key is null)
        {
            return SessionProblem(session, slug);
        }

        // From here on the session is its key: what the inbox stores and the contact is named by.
        var (id, problem) = await inbox.AddAsync(business.Id, post with { SessionId = session.Key }, CancellationToken.None);
        return problem is not null ? Problem(StatusCodes.Status400BadRequest, problem) : Results.Accepted(value: new { id });
    }

    private static async Task<IResult> TranscriptAsync(
        string slug, string? sessionId, HttpContext context, IChannelBusinessDirectory directory, WebChatSessions sessions, WebChatReadLimiter limiter,
        ConversationHistory history, IOptionsMonitor<ChannelsOptions> options, CancellationToken cancellationToken)
    {
        if (limiter.TryAddress(context.Connection.RemoteIpAddress?.ToString() ?? "unknown") is { } addressWait)
        {
            return TooManyReads(context, addressWait, "from this address");
        }

        var business = await directory.FindBySlugAsync(slug, cancellationToken);
        if (business is null)
        {
            return UnknownBusiness(slug);
        }

        var session = sessions.Check(business.Id, sessionId);
        if (session.Key is null)
        {
            return SessionProblem(session, slug);
        }

        if (limiter.TrySession(business.Id, session.Key) is { } sessionWait)
        {
            return TooManyReads(context, sessionWait, "of this conversation");
        }

        var messages = await history.GetAsync(business.Id, WebChatSession.ContactKey(session.Key), options.CurrentValue.WebChat.TranscriptLength, cancellationToken);
        return Results.Json(new { business = new { slug, name = business.Name ?? slug }, messages });
    }

    internal static IResult SessionProblem(WebChatSessionCheck session, string slug) =>
        Problem(session.Status, session.Problem!.Replace("{slug}", slug, StringComparison.Ordinal));

    internal static IResult TooManyReads(HttpContext context, TimeSpan wait, string what)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problem(StatusCodes.Status429TooManyRequests, $"Too many reads {what}: try again in {seconds} s.");
    }

    internal static IResult UnknownBusiness(string slug) => Problem(StatusCodes.Status404NotFound, $"There is no business '{slug}'.");

    internal static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);
}
