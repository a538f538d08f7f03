using HaloAgent.Server.Apis;

namespace HaloAgent.Server.Dashboard;

/// <summary>The server's problem shape for the dashboard's expected refusals (they are answers, not exceptions).</summary>
internal static class DashboardProblems
{
    public static IResult BadRequest(string detail) =>
        Results.Json(new ApiProblem(StatusCodes.Status400BadRequest, "The request is malformed.", detail, null), statusCode: StatusCodes.Status400BadRequest);

    public static IResult NotFound(string detail) =>
        Results.Json(new ApiProblem(StatusCodes.Status404NotFound, "Not found.", detail, null), statusCode: StatusCodes.Status404NotFound);

    public static IResult Conflict(string detail) =>
        Results.Json(new ApiProblem(StatusCodes.Status409Conflict, "The request conflicts with the current state.", detail, null), statusCode: StatusCodes.Status409Conflict);

    public static IResult TooLarge(string detail) =>
        Results.Json(new ApiProblem(StatusCodes.Status413PayloadTooLarge, "The request is too large.", detail, null), statusCode: StatusCodes.Status413PayloadTooLarge);

    public static IResult BadGateway(string title, string detail) =>
        Results.Json(new ApiProblem(StatusCodes.Status502BadGateway, title, detail, null), statusCode: StatusCodes.Status502BadGateway);

    /// <summary>Another business's record reads as unknown, never as forbidden: ids of other tenants are not confirmed.</summary>
    public static IResult UnknownContact(string id) => NotFound($"There is no contact '{id}'.");
}
