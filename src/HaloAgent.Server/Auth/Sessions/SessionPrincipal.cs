using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HaloAgent.Server.Auth.Sessions;

/// <summary>
/// The cookie carries the user id and the session id, nothing else that is trusted: on every request the session is
/// checked and the principal rebuilt from the user's current row (role, business, e-mail, name).
/// </summary>
public static class SessionPrincipal
{
    /// <summary>Claim type of the session id in the cookie.</summary>
    public const string SessionClaim = "halo:session";

    /// <summary>What the cookie stores.</summary>
    public static ClaimsPrincipal ForCookie(string userId, string sessionId) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, userId), new Claim(SessionClaim, sessionId)],
        CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>What a request runs as.</summary>
    public static ClaimsPrincipal ForRequest(SessionUser user, string sessionId) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.UserId),
            new Claim(SessionClaim, sessionId),
            new Claim(ClaimTypes.Email, user.Email),
            new Claim(ClaimTypes.Name, user.Name),
            new Claim(ClaimTypes.Role, user.Role),
            new Claim(AuthPolicies.BusinessClaim, user.BusinessId),
        ],
        CookieAuthenticationDefaults.AuthenticationScheme));

    public static string? SessionId(this ClaimsPrincipal principal) => principal.FindFirstValue(SessionClaim);

    public static string? UserId(this ClaimsPrincipal principal) => principal.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>CookieAuthenticationEvents.OnValidatePrincipal: refuses a cookie whose session ended; otherwise runs the request as the user is now.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var sessionId = context.Principal?.SessionId();
        var user = sessionId is null
            ? null
            : await context.HttpContext.RequestServices.GetRequiredService<SessionStore>().ValidateAsync(sessionId, context.HttpContext.RequestAborted);
        if (user is null || user.UserId != context.Principal!.UserId())
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        context.ReplacePrincipal(ForRequest(user, sessionId!));
    }
}
