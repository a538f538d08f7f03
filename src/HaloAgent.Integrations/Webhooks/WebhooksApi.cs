using System.Security.Claims;
using HaloAgent.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HaloAgent.Integrations.Webhooks;

/// <summary>
/// <c>/integrations/webhooks</c> and <c>/integrations/deliveries</c>: the owner's outgoing webhooks, their delivery log
/// and re-send. Another business's ids answer 404, as if they did not exist. The secret is shown once, on creation.
/// </summary>
internal static class WebhooksApi
{
    public sealed record WebhookSummary(string Id, string Url, IReadOnlyList<string> Events, bool Active, DateTimeOffset CreatedAt)
    {
        public static WebhookSummary From(WebhookSubscription w) => new(
            w.Id, w.Url, w.EventList, w.Active, DateTimeOffset.FromUnixTimeMilliseconds(w.CreatedAt));
    }

    public sealed record CreatedWebhook(string Id, string Url, IReadOnlyList<string> Events, bool Active, DateTimeOffset CreatedAt, string Secret);

    public static void Map(RouteGroupBuilder api)
    {
        var integrations = api.MapGroup("/integrations").WithTags("Integrations");
        integrations.MapGet("/events", () => Results.Ok(WebhookEvents.All));
        var webhooks = integrations.MapGroup("/webhooks");
        webhooks.MapGet("/", async (ClaimsPrincipal user, WebhookStore store, CancellationToken ct) =>
            Results.Ok((await store.ListAsync(user.BusinessId(), ct)).Select(WebhookSummary.From)));
        webhooks.MapGet("/{id}", async (string id, ClaimsPrincipal user, WebhookStore store, CancellationToken ct) =>
            await store.FindAsync(user.BusinessId(), id, ct) is { } w ? Results.Ok(WebhookSummary.From(w)) : NotFound("webhook", id));
        webhooks.MapPost("/", (WebhookInput input, ClaimsPrincipal user, WebhookStore store, CancellationToken ct) => Guard(async () =>
        {
            var (w, secret) = await store.CreateAsync(user.BusinessId(), input, ct);
            return Results.Created($"/api/integrations/webhooks/{w.Id}",
                new CreatedWebhook(w.Id, w.Url, w.EventList, w.Active, DateTimeOffset.FromUnixTimeMilliseconds(w.CreatedAt), secret));
        }));
        webhooks.MapPut("/{id}", (string id, WebhookInput input, ClaimsPrincipal user, WebhookStore store, CancellationToken ct) => Guard(async () =>
            await store.UpdateAsync(user.BusinessId(), id, input, ct) is { } w ? Results.Ok(WebhookSummary.From(w)) : NotFound("webhook", id)));
        webhooks.MapDelete("/{id}", async (string id, ClaimsPrincipal user, WebhookStore store, CancellationToken ct) =>
            await store.DeleteAsync(user.BusinessId(), id, ct) ? Results.NoContent() : NotFound("webhook", id));
        webhooks.MapGet("/{id}/deliveries", async (string id, int? take, ClaimsPrincipal user, WebhookStore store, CancellationToken ct) =>
            await store.DeliveriesAsync(user.BusinessId(), id, take ?? 50, ct) is { } list ? Results.Ok(list) : NotFound("webhook", id));
        integrations.MapPost("/deliveries/{id}/resend", async (string id, ClaimsPrincipal user, WebhookStore store, CancellationToken ct) =>
            await store.ResendAsync(user.BusinessId(), id, ct) ? Results.Accepted() : NotFound("delivery", id));
    }

    /// <summary>Bad input becomes a validation problem (400) naming the field, nothing stored.</summary>
    internal static async Task<IResult> Guard(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (IntegrationInputException ex)
        {
            return Results.ValidationProblem(ex.Errors);
        }
    }

    internal static IResult NotFound(string what, string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"There is no {what} '{id}'.");
}
