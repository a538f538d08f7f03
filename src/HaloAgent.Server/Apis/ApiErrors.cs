using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Runtime.Management;
using HaloAgent.Engine.Runtime.Runtime;
using HaloAgent.Engine.Validation;
using Microsoft.AspNetCore.Diagnostics;

namespace HaloAgent.Server.Apis;

/// <summary>
/// Maps the domain's exceptions to clear HTTP answers: malformed input 400, invalid flow 422 with every error located
/// by node and field, a flow over the size limits 413 (document) or 422 (nodes, edges), unknown ids 404, a state that forbids the request 409. Nothing is changed when these are raised.
/// </summary>
public sealed class ApiErrors : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, errors) = exception switch
        {
            FlowFormatException or BadHttpRequestException or System.Text.Json.JsonException or FormatException => (StatusCodes.Status400BadRequest, "The request is malformed.", null),
            FlowDocumentTooLargeException => (StatusCodes.Status413PayloadTooLarge, "The flow document is too large.", null),
            FlowTooLargeException tooLarge => (StatusCodes.Status422UnprocessableEntity, "The flow is too large.", tooLarge.Errors),
            FlowValidationException invalid => (StatusCodes.Status422UnprocessableEntity, "The flow is not valid.", invalid.Errors),
            FlowNotFoundException or InstanceNotFoundException => (StatusCodes.Status404NotFound, "Not found.", null),
            FlowConflictException or InstanceStateException => (StatusCodes.Status409Conflict, "The request conflicts with the current state.", null),
            _ => (0, "", (IReadOnlyList<ValidationError>?)null),
        };
        if (status == 0)
        {
            return false;
        }

        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(
            new ApiProblem(status, title, exception.Message, errors?.Select(e => new ApiValidationError(e.NodeId, e.Field, e.Message)).ToList()),
            cancellationToken);
        return true;
    }
}

public sealed record ApiProblem(int Status, string Title, string Detail, IReadOnlyList<ApiValidationError>? Errors);

public sealed record ApiValidationError(string? NodeId, string? Field, string Message);
