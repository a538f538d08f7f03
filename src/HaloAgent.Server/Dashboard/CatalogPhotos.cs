using System.Security.Claims;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Server.Audit;
using HaloAgent.Server.Auth;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace HaloAgent.Server.Dashboard;

/// <summary>
/// A dish's photo: the owner uploads the image itself as the body (JPEG, PNG or WebP, checked by its first bytes, not
/// only by the header the browser sends) and anyone may read it back, like the public menu that shows it.
/// </summary>
internal static class CatalogPhotos
{
    private static readonly (string Type, byte[] Magic, int Offset)[] Signatures =
    [
        ("image/jpeg", [0xFF, 0xD8, 0xFF], 0),
        ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 0),
        ("image/webp", "WEBP"u8.ToArray(), 8),
    ];

    public static void MapCatalogPhotos(this IEndpointRouteBuilder app, RouteGroupBuilder catalog)
    {
        catalog.MapPost("/{sku}/photo", UploadAsync).RequireAuthorization(AuthPolicies.OwnerOnly);

        // Outside /api: a public, cacheable address (the URL carries the photo's version).
        app.MapGet(ProductPhoto.Path + "{productId}", async (string productId, ICatalogService service, HttpContext http, CancellationToken ct) =>
            {
                var photo = await service.GetPhotoAsync(productId, ct);
                if (photo is null)
                {
                    return DashboardProblems.NotFound($"There is no photo '{productId}'.");
                }

                http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.Bytes(photo.Data, photo.ContentType);
            })
            .AllowAnonymous()
            .WithTags("Catalog");
    }

    private static async Task<IResult> UploadAsync(
        string sku, HttpRequest request, ClaimsPrincipal user, ICatalogService service, IAuditLog audit, IOptions<DashboardOptions> options, CancellationToken ct)
    {
        var max = options.Value.MaxPhotoBytes;
        var limit = $"at most {max / 1024 / 1024.0:0.#} MB";
        if (request.ContentLength > max)
        {
            return DashboardProblems.TooLarge($"The photo is {request.ContentLength / 1024 / 1024.0:0.#} MB; {limit} is accepted. Take it smaller or crop it.");
        }

        var declared = MediaTypeHeaderValue.TryParse(request.ContentType, out var header) ? header.MediaType.ToString().ToLowerInvariant() : null;
        if (declared is null || !Signatures.Any(s => s.Type == declared))
        {
            return UnsupportedType($"A photo must be a JPEG, PNG or WebP image, not '{request.ContentType ?? "nothing"}'.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return DashboardProblems.TooLarge($"The photo is larger than {limit}. Take it smaller or crop it.");
            }

            buffer.Write(chunk, 0, read);
        }

        var data = buffer.ToArray();
        var actual = Signatures.FirstOrDefault(s => data.Length >= s.Offset + s.Magic.Length && data.AsSpan(s.Offset, s.Magic.Length).SequenceEqual(s.Magic)).Type;
        if (actual is null)
        {
            return UnsupportedType("The file is not a JPEG, PNG or WebP image.");
        }

        var change = await service.SetPhotoAsync(user.BusinessId(), sku, actual, data, ct);
        if (change.Outcome == CatalogChangeOutcome.NotFound)
        {
            return DashboardProblems.NotFound($"There is no dish with SKU {change.Sku}.");
        }

        await audit.RecordAsync(user, AuditActions.CatalogPhoto, "product", change.Sku,
            new { imageUrl = change.Before!.ImageUrl }, new { imageUrl = change.After!.ImageUrl, contentType = actual, bytes = data.Length }, ct);
        return Results.Ok(CatalogApi.ToListItem(change.After, options.Value.LowStockThreshold));
    }

    private static IResult UnsupportedType(string detail) =>
        Results.Json(new Apis.ApiProblem(StatusCodes.Status415UnsupportedMediaType, "The file type is not accepted.", detail, null),
            statusCode: StatusCodes.Status415UnsupportedMediaType);
}
