using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using HaloAgent.Channels.WebChat;
using Microsoft.AspNetCore.HttpOverrides;

namespace HaloAgent.Server.Startup;

/// <summary>
/// Headers every response carries (dashboard, Studio, API, web chat): a Content-Security-Policy that allows only this
/// origin's own files (the built React app has no inline script or style; the web chat page's inline script and style
/// are allowed by their hashes), no framing, no MIME sniffing, and no referrer beyond this origin. And
/// <c>X-Forwarded-For</c>/<c>-Proto</c> taken only from the proxies in <c>HaloAgent:ForwardedHeaders</c>, so behind a
/// TLS-terminating proxy the request counts as HTTPS (cookies are Secure) and the sign-in limit sees the real address.
/// </summary>
public static partial class SecurityHeaders
{
    public const string ForwardedSection = "HaloAgent:ForwardedHeaders";

    /// <summary>The React app: its own scripts, styles, images and API; React sets styles through the DOM, not inline markup.</summary>
    public const string AppPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static readonly Lazy<string> ChatPolicy = new(() =>
    {
        var (scripts, styles) = WebChatInlineHashes();
        return $"default-src 'self'; script-src 'self' {scripts}; style-src 'self' {styles}; img-src 'self' data:; connect-src 'self'; " +
               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    });

    /// <summary>Reads the trusted proxies; forwarded headers from anyone else are ignored.</summary>
    public static IServiceCollection AddHaloSecurityHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var (proxies, networks) = TrustedProxies(configuration);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = configuration.GetValue($"{ForwardedSection}:ForwardLimit", 1);
            // The defaults trust loopback; only what is configured is trusted here.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    /// <summary>First in the pipeline: forwarded headers (when proxies are configured), then the headers on every response.</summary>
    public static WebApplication UseHaloSecurityHeaders(this WebApplication app)
    {
        var (proxies, networks) = TrustedProxies(app.Configuration);
        if (proxies.Count > 0 || networks.Count > 0)
        {
            // With no known proxy the middleware would believe every client: it runs only when some are configured.
            app.UseForwardedHeaders();
        }

        app.Use((context, next) =>
        {
            var response = context.Response;
            var chat = context.Request.Path.StartsWithSegments("/chat");
            response.OnStarting(() =>
            {
                var headers = response.Headers;
                headers.ContentSecurityPolicy = chat ? ChatPolicy.Value : AppPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    private static (List<IPAddress> Proxies, List<System.Net.IPNetwork> Networks) TrustedProxies(IConfiguration configuration)
    {
        var section = configuration.GetSection(ForwardedSection);
        var proxies = Values(section.GetSection("KnownProxies")).Select(p => IPAddress.TryParse(p, out var ip)
            ? ip
            : throw new InvalidOperationException($"{ForwardedSection}:KnownProxies: '{p}' is not an IP address.")).ToList();
        var networks = Values(section.GetSection("KnownNetworks")).Select(n => System.Net.IPNetwork.TryParse(n, out var net)
            ? net
            : throw new InvalidOperationException($"{ForwardedSection}:KnownNetworks: '{n}' is not a network (e.g. 10.0.0.0/8).")).ToList();
        return (proxies, networks);
    }

    /// <summary>A list given as an array (<c>KnownProxies:0</c>, …) or as one comma-separated value (an environment variable).</summary>
    private static IEnumerable<string> Values(IConfigurationSection section) =>
        (section.Value is { Length: > 0 } single ? [single] : section.GetChildren().Select(c => c.Value ?? ""))
        .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>CSP hashes of the web chat page's inline script and style blocks, computed from the page itself so an edit cannot drift from the policy.</summary>
    internal static (string Scripts, string Styles) WebChatInlineHashes()
    {
        using var stream = typeof(WebChatEndpoints).Assembly.GetManifestResourceStream("HaloAgent.Channels.WebChat.webchat.html")
            ?? throw new InvalidOperationException("The web chat page is not embedded in HaloAgent.Channels.");
        using var reader = new StreamReader(stream);
        var page = reader.ReadToEnd();
        return (Hashes(InlineScript().Matches(page)), Hashes(InlineStyle().Matches(page)));
    }

    private static string Hashes(MatchCollection blocks) =>
        string.Join(' ', blocks.Select(m => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value)))}'").Distinct());

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)(?:\s[^>]*)?>(.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<style(?:\s[^>]*)?>(.*?)</style>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();
}
