using System.Globalization;
using System.Security.Claims;
using HaloAgent.Commerce.Businesses;
using HaloAgent.Server.Apis;
using HaloAgent.Server.Audit;
using HaloAgent.Server.Auth.Sessions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HaloAgent.Server.Auth;

/// <summary>
/// <c>POST /api/auth/login</c> {email, password} starts a server-side session (limited per address and per account, see
/// <see cref="LoginThrottle"/> and <see cref="TrustedDevice"/>); <c>POST /api/auth/logout</c> ends it;
/// <c>POST /api/auth/logout-everywhere</c> ends every session of the user; <c>POST /api/auth/password</c> changes the
/// password and ends the user's other sessions; <c>GET /api/auth/me</c> (401 when not signed in). Sign-in and
/// <c>me</c> hand the page a CSRF token in the readable <c>halo-csrf</c> cookie, to echo in <c>X-CSRF-Token</c> on every change.
/// </summary>
public static class AuthApi
{
    public const string CsrfCookie = "halo-csrf";
    public const string CsrfHeader = "X-CSRF-Token";
    public const string LoginPolicy = "login";

    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/login", LoginAsync).RequireRateLimiting(LoginPolicy);
        group.MapPost("/logout", (Delegate)LogoutAsync);
        group.MapPost("/logout-everywhere", LogoutEverywhereAsync).RequireAuthorization();
        group.MapPost("/password", ChangePasswordAsync).RequireAuthorization();
        group.MapGet("/me", MeAsync).RequireAuthorization();
        app.MapUsersApi();
        return group;
    }

    public sealed record LoginRequest(string? Email, string? Password);

    public sealed record PasswordRequest(string? CurrentPassword, string? NewPassword);

    private static async Task<IResult> LoginAsync(
        LoginRequest? request, HttpContext context, UserDirectory users, SessionStore sessions, LoginThrottle throttle, IBusinessDirectory businesses,
        IAntiforgery antiforgery, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Email) || string.IsNullOrEmpty(request.Password) || request.Email.Length > 320
            || request.Password.Length > UserDirectory.MaxPasswordLength)
        {
            return Problem(StatusCodes.Status400BadRequest, "Enter your e-mail and password.");
        }

        // A browser this account signed in from before is limited on its own; anyone else shares the account's limit.
        var email = UserDirectory.Normalize(request.Email);
        var device = TrustedDevice.Read(context);
        var throttleKey = device?.Email == email ? $"device:{device.Id}" : $"account:{email}";
        if (await throttle.RetryAfterAsync(throttleKey, cancellationToken) is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Problem(StatusCodes.Status429TooManyRequests, $"Too many sign-in attempts: try again in {seconds} s.");
        }

        var user = await users.VerifyAsync(email, request.Password, cancellationToken);
        if (user is null)
        {
            await throttle.FailedAsync(throttleKey, cancellationToken);
            return Problem(StatusCodes.Status401Unauthorized, "Wrong e-mail or password.");
        }

        await throttle.SucceededAsync(throttleKey, cancellationToken);
        var sessionId = await sessions.StartAsync(user, cancellationToken);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SessionPrincipal.ForCookie(user.Id, sessionId));
        TrustedDevice.Issue(context, email, device);
        var principal = SessionPrincipal.ForRequest(new SessionUser("", user.Id, user.BusinessId, user.Email, user.Name, user.Role, 0), sessionId);
        context.User = principal; // the CSRF token is bound to the signed-in user
        IssueCsrfToken(context, antiforgery);
        await audit.RecordAsync(principal, AuditActions.SignIn, "user", user.Id, null, new { address = context.Connection.RemoteIpAddress?.ToString() }, cancellationToken);
        return Results.Ok(await ProfileAsync(principal, businesses, cancellationToken));
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, SessionStore sessions, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (context.User.SessionId() is { } sessionId)
        {
            await sessions.RevokeAsync(sessionId, "logout", cancellationToken);
            await audit.RecordAsync(context.User, AuditActions.SignOut, "user", context.User.UserId(), null, null, cancellationToken);
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        context.Response.Cookies.Delete(CsrfCookie);
        return Results.NoContent();
    }

    private static async Task<IResult> LogoutEverywhereAsync(HttpContext context, SessionStore sessions, IAuditLog audit, CancellationToken cancellationToken)
    {
        var user = context.User;
        var ended = await sessions.RevokeAllAsync(user.UserId()!, "everywhere", keepSessionId: null, cancellationToken);
        await audit.RecordAsync(user, AuditActions.SignOutEverywhere, "user", user.UserId(), null, new { sessionsEnded = ended }, cancellationToken);
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        context.Response.Cookies.Delete(CsrfCookie);
        return Results.NoContent();
    }

    private static async Task<IResult> ChangePasswordAsync(
        PasswordRequest? request, HttpContext context, UserDirectory users, SessionStore sessions, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (UserDirectory.PasswordProblem(request?.NewPassword) is { } problem)
        {
            return Problem(StatusCodes.Status400BadRequest, problem);
        }

        var user = context.User;
        if (string.IsNullOrEmpty(request!.CurrentPassword) || request.CurrentPassword.Length > UserDirectory.MaxPasswordLength
            || !await users.ChangePasswordAsync(user.UserId()!, request.CurrentPassword, request.NewPassword!, cancellationToken))
        {
            return Problem(StatusCodes.Status400BadRequest, "The current password is not right.");
        }

        // Whoever else holds a session of this user (perhaps the reason for the change) is signed out; this browser stays.
        var ended = await sessions.RevokeAllAsync(user.UserId()!, "password", keepSessionId: user.SessionId(), cancellationToken);
        await audit.RecordAsync(user, AuditActions.UserPassword, "user", user.UserId(), null, new { otherSessionsEnded = ended }, cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> MeAsync(HttpContext context, IBusinessDirectory businesses, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        IssueCsrfToken(context, antiforgery);
        return Results.Ok(await ProfileAsync(context.User, businesses, cancellationToken));
    }

    private static async Task<object> ProfileAsync(ClaimsPrincipal user, IBusinessDirectory businesses, CancellationToken cancellationToken)
    {
        var businessId = user.BusinessId();
        var business = await businesses.GetAsync(businessId, cancellationToken);
        return new
        {
            email = user.FindFirstValue(ClaimTypes.Email),
            name = user.FindFirstValue(ClaimTypes.Name),
            role = user.FindFirstValue(ClaimTypes.Role),
            businessId,
            businessName = business?.Name,
            businessSlug = business?.Slug,
        };
    }

    private static void IssueCsrfToken(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        context.Response.Cookies.Append(CsrfCookie, tokens.RequestToken!, new CookieOptions
        {
            HttpOnly = false, // the page reads it to send it back in the header
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
        });
    }

    private static IResult Problem(int status, string detail) =>
        Results.Json(new ApiProblem(status, status switch { 400 => "The request is malformed.", 401 => "Not signed in.", 429 => "Too many requests.", _ => "Error." }, detail, null), statusCode: status);
}
