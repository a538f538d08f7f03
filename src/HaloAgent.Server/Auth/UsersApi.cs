using System.Security.Claims;
using HaloAgent.Server.Apis;
using HaloAgent.Server.Audit;
using HaloAgent.Server.Auth.Sessions;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Server.Auth;

/// <summary>
/// The owner's team: <c>GET /api/users</c>, <c>POST /api/users</c> {email, name, role, password},
/// <c>PUT /api/users/{id}/role</c> {role}, <c>DELETE /api/users/{id}</c>. Owner only, scoped to the owner's business
/// (another business's user is 404). A role change applies to the user's next request; a removed user's sessions end.
/// Owners cannot demote or remove themselves, so a business always keeps an owner who can sign in.
/// </summary>
public static class UsersApi
{
    /// <summary>The roles an owner can give (admin is the platform's, not a business's).</summary>
    private static readonly string[] Assignable = [AuthPolicies.Owner, AuthPolicies.Agent, AuthPolicies.Marketer];

    public sealed record UserView(string Id, string Email, string Name, string Role, DateTimeOffset CreatedAt);

    public sealed record AddUserBody(string? Email, string? Name, string? Role, string? Password);

    public sealed record RoleBody(string? Role);

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(AuthPolicies.OwnerOnly);

        users.MapGet("/", async (ClaimsPrincipal user, UserDirectory directory, CancellationToken ct) =>
            (await directory.ListAsync(user.BusinessId(), ct)).Select(View).ToList());

        users.MapPost("/", async (AddUserBody? body, ClaimsPrincipal user, UserDirectory directory, IAuditLog audit, CancellationToken ct) =>
        {
            var email = body?.Email?.Trim();
            if (string.IsNullOrEmpty(email) || email.Length > 320 || !email.Contains('@', StringComparison.Ordinal))
            {
                return Problem(400, "The request is malformed.", "'email' is required: the e-mail address the person signs in with.");
            }

            if (string.IsNullOrWhiteSpace(body!.Name) || body.Name.Length > 200)
            {
                return Problem(400, "The request is malformed.", "'name' is required (at most 200 characters).");
            }

            if (!Assignable.Contains(body.Role))
            {
                return Problem(400, "The request is malformed.", $"'role' is one of {string.Join(", ", Assignable)}.");
            }

            if (UserDirectory.PasswordProblem(body.Password) is { } problem)
            {
                return Problem(400, "The request is malformed.", problem + " Give it to the person; they can change it after signing in.");
            }

            if (await directory.FindByEmailAsync(email, ct) is not null)
            {
                return Problem(409, "The request conflicts with the current state.", $"There is already a user with the e-mail '{email}'.");
            }

            UserAccount added;
            try
            {
                added = await directory.CreateAsync(user.BusinessId(), email, body.Name, body.Role!, body.Password!, ct);
            }
            catch (DbUpdateException)
            {
                return Problem(409, "The request conflicts with the current state.", $"There is already a user with the e-mail '{email}'.");
            }

            var view = View(added);
            await audit.RecordAsync(user, AuditActions.UserAdd, "user", added.Id, null, view, ct);
            return Results.Created($"/api/users/{added.Id}", view);
        });

        users.MapPut("/{id}/role", async (string id, RoleBody? body, ClaimsPrincipal user, UserDirectory directory, SessionStore sessions, IAuditLog audit, CancellationToken ct) =>
        {
            if (!Assignable.Contains(body?.Role))
            {
                return Problem(400, "The request is malformed.", $"'role' is one of {string.Join(", ", Assignable)}.");
            }

            if (id == user.UserId())
            {
                return Problem(409, "The request conflicts with the current state.", "You cannot change your own role: another owner can.");
            }

            var before = await directory.GetAsync(id, ct);
            if (before is null || before.BusinessId != user.BusinessId())
            {
                return UnknownUser(id);
            }

            var changed = await directory.ChangeRoleAsync(user.BusinessId(), id, body!.Role!, ct);
            if (changed is null)
            {
                return UnknownUser(id);
            }

            sessions.Forget(id); // the next request of theirs reads the new role
            var view = View(changed);
            await audit.RecordAsync(user, AuditActions.UserRole, "user", id, new { role = before.Role }, new { role = changed.Role }, ct);
            return Results.Ok(view);
        });

        users.MapDelete("/{id}", async (string id, ClaimsPrincipal user, UserDirectory directory, SessionStore sessions, IAuditLog audit, CancellationToken ct) =>
        {
            if (id == user.UserId())
            {
                return Problem(409, "The request conflicts with the current state.", "You cannot remove yourself: another owner can.");
            }

            var before = await directory.GetAsync(id, ct);
            if (before is null || before.BusinessId != user.BusinessId() || !await directory.RemoveAsync(user.BusinessId(), id, ct))
            {
                return UnknownUser(id);
            }

            sessions.Forget(id);
            await audit.RecordAsync(user, AuditActions.UserRemove, "user", id, View(before), null, ct);
            return Results.NoContent();
        });

        return app;
    }

    private static UserView View(UserAccount user) => new(user.Id, user.Email, user.Name, user.Role, DateTimeOffset.FromUnixTimeMilliseconds(user.CreatedAt));

    private static IResult UnknownUser(string id) => Problem(404, "Not found.", $"There is no user '{id}'.");

    private static IResult Problem(int status, string title, string detail) => Results.Json(new ApiProblem(status, title, detail, null), statusCode: status);
}
