using Microsoft.AspNetCore.Diagnostics;

namespace HaloAgent.Server.Studio.TestRuns;

/// <summary>An unknown run (or another business's) is a 404 in the server's problem shape.</summary>
public sealed class TestRunErrors(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not TestRunNotFoundException)
        {
            return false;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = exception.Message },
        });
    }
}
