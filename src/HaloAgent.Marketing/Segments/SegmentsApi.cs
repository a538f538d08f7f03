using System.Security.Claims;
using HaloAgent.Platform.Audience;
using HaloAgent.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HaloAgent.Marketing.Segments;

/// <summary>
/// <c>/segments</c>: the fields a filter can use, a live preview (count and sample) while the marketer edits, and
/// saved segments with their current size.
/// </summary>
internal static class SegmentsApi
{
    public const int SampleSize = 10;

    public sealed record PreviewRequest(AudienceFilter? Filter);

    public sealed record SegmentSummary(string Id, string Name, AudienceFilter Filter, DateTimeOffset UpdatedAt, int Count);

    public static void Map(RouteGroupBuilder api)
    {
        var segments = api.MapGroup("/segments").WithTags("Marketing");
        segments.MapGet("/fields", () => Results.Ok(AudienceFields.All));
        segments.MapPost("/preview", async (PreviewRequest request, ClaimsPrincipal user, IAudience audience, CancellationToken ct) =>
        {
            if (AudienceFilters.Validate(request.Filter) is { Count: > 0 } errors)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["filter"] = errors.ToArray() });
            }

            return Results.Ok(await audience.PreviewAsync(user.BusinessId(), request.Filter!, SampleSize, ct));
        });
        segments.MapGet("/", async (ClaimsPrincipal user, SegmentStore store, IAudience audience, CancellationToken ct) =>
        {
            var summaries = new List<SegmentSummary>();
            foreach (var segment in await store.ListAsync(user.BusinessId(), ct))
            {
                var size = await audience.PreviewAsync(user.BusinessId(), segment.Filter, 0, ct);
                summaries.Add(new SegmentSummary(segment.Id, segment.Name, segment.Filter, segment.UpdatedAt, size.Count));
            }

            return Results.Ok(summaries);
        });
        segments.MapGet("/{id}", async (string id, ClaimsPrincipal user, SegmentStore store, CancellationToken ct) =>
            await store.FindAsync(user.BusinessId(), id, ct) is { } segment ? Results.Ok(segment) : NotFound(id));
        segments.MapPost("/", (SegmentInput input, ClaimsPrincipal user, SegmentStore store, CancellationToken ct) =>
            SaveAsync(store, user.BusinessId(), null, input, ct));
        segments.MapPut("/{id}", (string id, SegmentInput input, ClaimsPrincipal user, SegmentStore store, CancellationToken ct) =>
            SaveAsync(store, user.BusinessId(), id, input, ct));
        segments.MapDelete("/{id}", async (string id, ClaimsPrincipal user, SegmentStore store, CancellationToken ct) =>
            await store.DeleteAsync(user.BusinessId(), id, ct) ? Results.NoContent() : NotFound(id));
    }

    private static async Task<IResult> SaveAsync(SegmentStore store, string businessId, string? id, SegmentInput input, CancellationToken ct)
    {
        try
        {
            var saved = await store.SaveAsync(businessId, id, input, ct);
            return saved is null ? NotFound(id!) : id is null ? Results.Created($"/api/segments/{saved.Id}", saved) : Results.Ok(saved);
        }
        catch (SegmentRejectedException rejected)
        {
            return Results.ValidationProblem(rejected.Errors);
        }
    }

    private static IResult NotFound(string id) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No segment '{id}'.");
}
