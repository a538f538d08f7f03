using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using HaloAgent.Platform.Identity;
using HaloAgent.Platform.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HaloAgent.Marketing.Broadcasts;

/// <summary>
/// <c>/broadcasts</c>: drafts, the pre-flight, schedule/pause/resume/cancel/retry-failed, progress with the funnel,
/// and the recipients (filtered, paged, or as CSV).
/// </summary>
internal static class BroadcastsApi
{
    public const int PageSize = 100;

    public sealed record ScheduleRequest(DateTimeOffset? At);

    public static void Map(RouteGroupBuilder api)
    {
        var broadcasts = api.MapGroup("/broadcasts").WithTags("Marketing");
        broadcasts.MapGet("/", async (ClaimsPrincipal user, BroadcastStore store, CancellationToken ct) =>
            Results.Ok(await store.ListAsync(user.BusinessId(), ct)));
        broadcasts.MapPost("/", (BroadcastInput input, ClaimsPrincipal user, BroadcastStore store, CancellationToken ct) =>
            Guarded(async () =>
            {
                var created = await store.CreateAsync(user.BusinessId(), input, user.Identity?.Name, ct);
                return Results.Created($"/api/broadcasts/{created.Id}", created);
            }));
        // What a new draft starts with: the shop's template fallback language (the marketer may not read the shop's settings).
        broadcasts.MapGet("/defaults", async (ClaimsPrincipal user, IMarketingContent content, CancellationToken ct) =>
            Results.Ok(new { fallbackLanguage = await content.TemplateFallbackAsync(user.BusinessId(), ct) }));
        broadcasts.MapPost("/preflight", (BroadcastInput input, ClaimsPrincipal user, BroadcastPreflight preflight, CancellationToken ct) =>
            Guarded(async () => Results.Ok(await preflight.RunAsync(user.BusinessId(), input, ct))));
        broadcasts.MapGet("/{id}", async (string id, ClaimsPrincipal user, BroadcastStore store, CancellationToken ct) =>
            Found(await store.GetAsync(user.BusinessId(), id, ct), id));
        broadcasts.MapPut("/{id}", (string id, BroadcastInput input, ClaimsPrincipal user, BroadcastStore store, CancellationToken ct) =>
            Guarded(async () => Found(await store.UpdateAsync(user.BusinessId(), id, input, ct), id)));
        broadcasts.MapDelete("/{id}", (string id, ClaimsPrincipal user, BroadcastStore store, CancellationToken ct) =>
            Guarded(async () => await store.DeleteDraftAsync(user.BusinessId(), id, ct) ? Results.NoContent() : NotFound(id)));
        broadcasts.MapPost("/{id}/schedule", (string id, ScheduleRequest? request, ClaimsPrincipal user, BroadcastStore store, CancellationToken ct) =>
            Guarded(async () => Found(await store.ScheduleAsync(user.BusinessId(), id, request?.At, ct), id)));
        broadcasts.MapPost("/{id}/pause", (string id, ClaimsPrincipal user, BroadcastStore store, CancellationToken ct) =>
            Guarded(async () => Found(await store.PauseAsync(user.BusinessId(), id, ct), id)));
        broadcasts.MapPost("/{id}/resume", (string id, ClaimsPrincipal user, BroadcastStore store, CancellationToken ct) =>
            Guarded(async () => Found(await store.ResumeAsync(user.BusinessId(), id, ct), id)));
        broadcasts.MapPost("/{id}/cancel", (string id, ClaimsPrincipal user, BroadcastStore store, CancellationToken ct) =>
            Guarded(async () => Found(await store.CancelAsync(user.BusinessId(), id, ct), id)));
        broadcasts.MapPost("/{id}/retry-failed", (string id, ClaimsPrincipal user, BroadcastStore store, CancellationToken ct) =>
            Guarded(async () =>
            {
                var (view, retried) = await store.RetryFailedAsync(user.BusinessId(), id, ct);
                return view is null ? NotFound(id) : Results.Ok(new { retried, broadcast = view });
            }));
        broadcasts.MapGet("/{id}/recipients", async (
            string id, string? status, int? page, ClaimsPrincipal user, BroadcastStore store, CancellationToken ct) =>
        {
            if (status is { Length: > 0 } && !RecipientStatus.All.Contains(status) && status is not ("replied" or "ordered"))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["status"] = [$"'{status}' is not a recipient status ({string.Join(", ", RecipientStatus.All)}, replied, ordered)."],
                });
            }

            var rows = await store.RecipientsAsync(user.BusinessId(), id, status, Math.Max(0, (page ?? 0)) * PageSize, PageSize, ct);
            return rows is null ? NotFound(id) : Results.Ok(rows);
        });
        broadcasts.MapGet("/{id}/recipients.csv", async (string id, ClaimsPrincipal user, BroadcastStore store, HttpResponse response, CancellationToken ct) =>
        {
            var rows = await store.RecipientsAsync(user.BusinessId(), id, null, 0, 10_000, ct);
            if (rows is null)
            {
                return NotFound(id);
            }

            await using var writer = new StringWriter(CultureInfo.InvariantCulture);
            await using (var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: true))
            {
                foreach (var header in CsvHeader)
                {
                    csv.WriteField(header);
                }

                await csv.EndRecordAsync(ct);
                foreach (var r in rows)
                {
                    foreach (var field in (string?[])[
                        r.ContactId, r.Address, r.Channel, r.Language, r.TemplateLanguage, r.Status, r.Reason, Text(r.ErrorCode), Text(r.Attempt),
                        Text(r.QueuedAt), Text(r.SentAt), Text(r.DeliveredAt), Text(r.ReadAt), Text(r.RepliedAt), Text(r.OrderedAt), Text(r.RevenueKobo)])
                    {
                        csv.WriteField(field ?? "");
                    }

                    await csv.EndRecordAsync(ct);
                }
            }

            return Results.File(System.Text.Encoding.UTF8.GetBytes(writer.ToString()), "text/csv; charset=utf-8", $"broadcast-{id}-recipients.csv");
        });
    }

    private static readonly string[] CsvHeader =
    [
        "contact_id", "address", "channel", "language", "template_language", "status", "reason", "error_code", "attempt",
        "queued_at", "sent_at", "delivered_at", "read_at", "replied_at", "ordered_at", "revenue_kobo",
    ];

    private static string? Text(DateTimeOffset? at) => at?.ToString("O", CultureInfo.InvariantCulture);

    private static string? Text(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static async Task<IResult> Guarded(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (BroadcastRejectedException rejected)
        {
            return rejected.Errors.ContainsKey("status")
                ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: rejected.Errors["status"][0])
                : Results.ValidationProblem(rejected.Errors);
        }
    }

    private static IResult Found(BroadcastView? view, string id) => view is null ? NotFound(id) : Results.Ok(view);

    private static IResult NotFound(string id) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No broadcast '{id}'.");
}
