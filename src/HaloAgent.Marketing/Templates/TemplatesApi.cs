using System.Security.Claims;
using HaloAgent.Platform.Identity;
using HaloAgent.Platform.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HaloAgent.Marketing.Templates;

/// <summary><c>/templates/whatsapp</c>: the business's WhatsApp templates as last heard from Meta, and a sync on demand.</summary>
internal static class TemplatesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var templates = api.MapGroup("/templates/whatsapp").WithTags("Marketing");
        templates.MapGet("/", async (ClaimsPrincipal user, ITemplateCatalog catalog, CancellationToken ct) =>
            Results.Ok(await catalog.ListAsync(user.BusinessId(), ct)));
        templates.MapPost("/sync", async (ClaimsPrincipal user, TemplateSync sync, CancellationToken ct) =>
        {
            try
            {
                return Results.Ok(await sync.SyncAsync(user.BusinessId(), ct));
            }
            catch (TemplateSourceException e)
            {
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The templates could not be synced.", detail: e.Message);
            }
        });
    }
}
