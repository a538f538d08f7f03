using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace HaloAgent.Server.Studio;

/// <summary>
/// Serves the built Studio (the React app: dashboard at <c>/</c>, designer at <c>/studio</c>) from
/// <c>HaloAgent:Studio:Path</c> or the <c>wwwroot</c> the build copies next to the server. Every GET that is not an
/// API, webhook, web chat, health or static-file path gets <c>index.html</c>, so the app's own routes survive a reload.
/// Without a build, those paths answer a short page saying how to make one.
/// </summary>
public static class StudioHosting
{
    public const string PathSetting = "HaloAgent:Studio:Path";

    private static readonly string[] ServerPrefixes = ["/api", "/webhooks", "/chat", "/health"];

    /// <summary>The Studio's static files (hashed assets are cached for a year; index.html never is).</summary>
    public static WebApplication UseHaloStudio(this WebApplication app)
    {
        var root = StudioRoot(app);
        if (Directory.Exists(root))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(root),
                OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] =
                    context.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache",
            });
        }

        return app;
    }

    /// <summary>The fallback to index.html (or to the "build me" page); registered last, it never shadows an endpoint.</summary>
    public static WebApplication MapHaloStudio(this WebApplication app)
    {
        var root = StudioRoot(app);
        // GET and HEAD only: a fallback for every method would win over an API endpoint that refuses the request's
        // content type (its 415 would turn into this 404).
        app.MapMethods("{*path:nonfile}", [HttpMethods.Get, HttpMethods.Head], async context =>
        {
            var request = context.Request;
            if (ServerPrefixes.Any(p => request.Path.StartsWithSegments(p)))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var index = Path.Combine(root, "index.html");
            context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            if (File.Exists(index))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.SendFileAsync(index, context.RequestAborted);
                return;
            }

            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(NotBuilt(root), context.RequestAborted);
        }).WithOrder(int.MaxValue).ExcludeFromDescription();
        return app;
    }

    private static string StudioRoot(WebApplication app) =>
        app.Configuration[PathSetting] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, app.Environment.ContentRootPath)
            : Path.Combine(AppContext.BaseDirectory, "wwwroot");

    private static string NotBuilt(string root) => $"""
        HaloAgent is running, but the Studio (dashboard and flow designer) has not been built.

        It is looked for in: {root}

        Build it with either of:
          dotnet build src/HaloAgent.Server          (runs npm ci and npm run build in src/HaloAgent.Studio when npm is installed)
          cd src/HaloAgent.Studio && npm ci && npm run build   (then restart the server, or set {PathSetting} to src/HaloAgent.Studio/dist)

        The API answers under /api meanwhile, e.g. GET /health and GET /api/flows.
        """;
}
