using System.Security.Claims;
using HaloAgent.Commerce.Businesses;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HaloAgent.Server.Auth;

/// <summary>
/// <c>POST /api/auth/login</c> {email, password} signs in with a cookie (rate-limited per address);
/// <c>POST /api/auth/logout</c>; <c>GET /api/auth/me</c> (401 when not signed in). Both sign-in and <c>me</c> hand the
/// page a CSRF token in the readable <c>halo-csrf</c> cookie, to echo in <c>X-CSRF-Token</c> on every change.
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
        group.MapGet("/me", MeAsync).RequireAuthorization();
        return group;
    }

    public sealed record LoginRequest(string? Email, string? Password);

    private static async Task<IResult> LoginAsync(LoginRequest? request, HttpContext context, UserDirectory users, IBusinessDirectory businesses, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Email) || string.IsNullOrEmpty(request.Password))
        {
            return Results.Problem(detail: "Enter your e-mail and password.", statusCode: StatusCodes.Status400BadRequest);
        }

        var user = await users.VerifyAsync(request.Email, request.Password, cancellationToken);
        if (user is null)
        {
            return Results.Problem(detail: "Wrong e-mail or password.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id),
                new Claim(ClaimTypes.Email, user.Email),
                new Claim(ClaimTypes.Name, user.Name),
                new Claim(ClaimTypes.Role, user.Role),
                new Claim(AuthPolicies.BusinessClaim, user.BusinessId),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme));
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        context.User = principal; // the CSRF token is bound to the signed-in user
        IssueCsrfToken(context, antiforgery);
        return Results.Ok(await ProfileAsync(principal, businesses, cancellationToken));
    }

    private static async Task<IResult> LogoutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        context.Response.Cookies.Delete(CsrfCookie);
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
}
