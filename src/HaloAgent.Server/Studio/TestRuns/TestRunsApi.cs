using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using HaloAgent.Channels.WebChat;
using HaloAgent.Engine;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Validation;
using HaloAgent.Server.Auth;
using Microsoft.Extensions.Options;

namespace HaloAgent.Server.Studio.TestRuns;

/// <summary>
/// The designer's test runs (API-CONTRACT.md, "Test runs"): start one for a flow's draft, talk as the customer, read
/// the conversation and the path taken, fast-forward a timer, end it. Owner and marketer; scoped to their business.
/// </summary>
public static class TestRunsApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapTestRunsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/flows/{id}/test-runs", CreateAsync).WithTags("Test runs").RequireAuthorization(AuthPolicies.ManageFlows);

        var runs = app.MapGroup("/api/test-runs/{runId}").WithTags("Test runs").RequireAuthorization(AuthPolicies.ManageFlows);
        runs.MapGet("/", (string runId, ClaimsPrincipal user, TestRunService service, CancellationToken ct) => service.GetAsync(user.BusinessId(), runId, ct));
        runs.MapPost("/messages", PostMessageAsync);
        runs.MapPost("/fast-forward", async (string runId, ClaimsPrincipal user, TestRunService service, CancellationToken ct) =>
        {
            await service.FastForwardAsync(user.BusinessId(), runId, ct);
            return Results.Accepted($"/api/test-runs/{runId}");
        });
        runs.MapDelete("/", async (string runId, ClaimsPrincipal user, TestRunService service, CancellationToken ct) =>
        {
            await service.EndAsync(user.BusinessId(), runId, ct);
            return Results.NoContent();
        });
        return app;
    }

    private static async Task<IResult> CreateAsync(
        string id, HttpRequest request, ClaimsPrincipal user, TestRunService service, IOptions<EngineLimits> limits, CancellationToken ct)
    {
        if (request.ContentLength is { } length)
        {
            FlowSize.EnsureDocumentWithin(length, limits.Value); // the editor's document rides in the body: the flow limits hold (413)
        }

        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The body is not valid JSON: {ex.Message}");
        }

        var definition = body?["definition"] is JsonObject document ? FlowJson.Deserialize(document.ToJsonString()) : null;
        var contact = body?["contact"];
        var created = await service.CreateAsync(
            user.BusinessId(), user.Actor(), id, definition, Text(contact?["name"]), Text(contact?["language"]), ct);
        return Results.Created($"/api/test-runs/{created.RunId}", created);
    }

    /// <summary>
    /// The customer's message enters exactly as a web chat visitor's does (inbox row, dedupe, contact, control words,
    /// agent), with the run's sandbox session.
    /// </summary>
    private static async Task<IResult> PostMessageAsync(
        string runId, HttpContext context, ClaimsPrincipal user, TestRunService service, WebChatInbox webChat, CancellationToken ct)
    {
        var run = await service.GetRecordAsync(user.BusinessId(), runId, ct);
        if (run.EndedAt is not null)
        {
            return Results.Problem(detail: "The test run has ended; start a new one.", statusCode: StatusCodes.Status409Conflict);
        }

        var message = await JsonSerializer.DeserializeAsync<TestRunMessage>(context.Request.Body, Json, ct)
            ?? throw new FormatException("Send {text} or {reply: {id, title}}.");
        var post = new WebChatPost
        {
            SessionId = TestRunIds.SessionId(run.Id),
            ClientMessageId = Guid.NewGuid().ToString("N"),
            Text = message.Text,
            Reply = message.Reply is { } reply ? new WebChatReply(reply.Id, reply.Title) : null,
        };
        await service.KeepAliveAsync(run, ct);
        var (_, problem) = await webChat.AddAsync(run.BusinessId, post, CancellationToken.None);
        return problem is not null
            ? Results.Problem(detail: problem, statusCode: StatusCodes.Status400BadRequest)
            : Results.Accepted($"/api/test-runs/{runId}");
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}

/// <summary>What the customer says in a test run: typed text, or a tapped button / list row.</summary>
public sealed record TestRunMessage(string? Text, TestRunReply? Reply);

public sealed record TestRunReply(string? Id, string? Title);
