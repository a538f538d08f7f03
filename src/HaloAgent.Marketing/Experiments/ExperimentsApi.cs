using System.Security.Claims;
using HaloAgent.Engine.Runtime.Management;
using HaloAgent.Engine.Validation;
using HaloAgent.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HaloAgent.Marketing.Experiments;

/// <summary>
/// <c>/experiments</c>: every Split node of the business's flows with its funnel, statistics and verdict; stop and
/// promote. Refusals are ProblemDetails naming the problem (404 unknown, 409 not now, 400 bad input), with nothing changed.
/// </summary>
internal static class ExperimentsApi
{
    public sealed record PromoteRequest(string? Variant);

    public static void Map(RouteGroupBuilder api)
    {
        var experiments = api.MapGroup("/experiments").WithTags("Marketing");
        experiments.MapGet("/", async (ClaimsPrincipal user, ExperimentService service, CancellationToken ct) =>
            Results.Ok(await service.ListAsync(user.BusinessId(), ct)));
        experiments.MapGet("/{id}", async (string id, ClaimsPrincipal user, ExperimentService service, CancellationToken ct) =>
            Found(await service.GetAsync(user.BusinessId(), id, ct), id));
        experiments.MapPost("/{id}/stop", (string id, ClaimsPrincipal user, ExperimentService service, CancellationToken ct) =>
            Guarded(async () => Found(await service.StopAsync(user.BusinessId(), id, ct), id)));
        experiments.MapPost("/{id}/promote", (string id, PromoteRequest? request, ClaimsPrincipal user, ExperimentService service, CancellationToken ct) =>
            Guarded(async () => Found(await service.PromoteAsync(user.BusinessId(), id, request?.Variant, ct), id)));
    }

    private static async Task<IResult> Guarded(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (ExperimentConflictException conflict)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: conflict.Message);
        }
        catch (ExperimentInputException input)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { [input.Field] = [input.Message] });
        }
        catch (FlowConflictException conflict)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: conflict.Message);
        }
        catch (FlowValidationException invalid)
        {
            // The flow without the losing branches would not be valid (e.g. a step reads the Split's variant): say where.
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["flow"] = invalid.Errors.Select(e => e.ToString()).ToArray() },
                title: "The promoted flow would not be valid; nothing was published.");
        }
    }

    private static IResult Found(ExperimentView? view, string id) => view is null ? NotFound(id) : Results.Ok(view);

    private static IResult NotFound(string id) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No experiment '{id}'.");
}
