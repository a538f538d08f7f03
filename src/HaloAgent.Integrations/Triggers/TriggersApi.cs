using System.Security.Claims;
using HaloAgent.Integrations.Webhooks;
using HaloAgent.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HaloAgent.Integrations.Triggers;

/// <summary><c>/integrations/triggers</c>: the owner's incoming triggers. The secret is returned once, by the create call.</summary>
internal static class TriggersApi
{
    public sealed record TriggerInput(string? Name);

    public sealed record TriggerSummary(string Id, string Name, string Event, string Path, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt)
    {
        public static TriggerSummary From(IncomingTrigger t) => new(
            t.Id, t.Name, TriggerStore.EventName(t.Name), HooksEndpoint.PathOf(t), DateTimeOffset.FromUnixTimeMilliseconds(t.CreatedAt),
            t.LastUsedAt is { } used ? DateTimeOffset.FromUnixTimeMilliseconds(used) : null);
    }

    public sealed record CreatedTrigger(string Id, string Name, string Event, string Path, string Secret);

    public static void Map(RouteGroupBuilder api)
    {
        var triggers = api.MapGroup("/integrations/triggers").WithTags("Integrations");
        triggers.MapGet("/", async (ClaimsPrincipal user, TriggerStore store, CancellationToken ct) =>
            Results.Ok((await store.ListAsync(user.BusinessId(), ct)).Select(TriggerSummary.From)));
        triggers.MapPost("/", (TriggerInput input, ClaimsPrincipal user, TriggerStore store, CancellationToken ct) => WebhooksApi.Guard(async () =>
        {
            var (t, secret) = await store.CreateAsync(user.BusinessId(), input.Name, ct);
            return Results.Created($"/api/integrations/triggers/{t.Id}",
                new CreatedTrigger(t.Id, t.Name, TriggerStore.EventName(t.Name), HooksEndpoint.PathOf(t), secret));
        }));
        triggers.MapDelete("/{id}", async (string id, ClaimsPrincipal user, TriggerStore store, CancellationToken ct) =>
            await store.DeleteAsync(user.BusinessId(), id, ct) ? Results.NoContent() : WebhooksApi.NotFound("trigger", id));
    }
}
