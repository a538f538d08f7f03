using System.Threading.RateLimiting;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth.Sessions;
using HaloAgent.Server.Startup;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HaloAgent.Server.Auth;

/// <summary>Cookie sign-in, role policies, CSRF checks on changes, the login rate limit and the users table.</summary>
public static class AuthExtensions
{
    public static IServiceCollection AddHaloAuth(this IServiceCollection services, DatabaseSettings database, IConfiguration configuration)
    {
        services.AddDbContextFactory<AuthDbContext>(options =>
            options.UseModuleDatabase(database.Provider, database.ConnectionString, AuthDbContext.MigrationsHistoryTable));
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<DemoOwnerSeeder>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.Cookie.Name = "halo-auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = configuration.GetValue("HaloAgent:Auth:SessionLifetime", TimeSpan.FromHours(12));
            options.SlidingExpiration = true;
            // The cookie names a server-side session: checked (and the user's current role read) on every request.
            options.Events.OnValidatePrincipal = SessionPrincipal.ValidateAsync;
            // An API answers with a status, never a redirect to a login page: the SPA shows its own.
            options.Events.OnRedirectToLogin = context => Status(context.Response, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.ReadBusiness, p => Roles(p, AuthPolicies.Owner, AuthPolicies.Agent, AuthPolicies.Marketer, AuthPolicies.Admin))
            .AddPolicy(AuthPolicies.ManageOrders, p => Roles(p, AuthPolicies.Owner, AuthPolicies.Agent))
            .AddPolicy(AuthPolicies.ManagePayments, p => Roles(p, AuthPolicies.Owner, AuthPolicies.Agent))
            .AddPolicy(AuthPolicies.ManageFlows, p => Roles(p, AuthPolicies.Owner, AuthPolicies.Marketer))
            .AddPolicy(AuthPolicies.ManageContacts, p => Roles(p, AuthPolicies.Owner))
            .AddPolicy(AuthPolicies.ManageMoney, p => Roles(p, AuthPolicies.Owner))
            .AddPolicy(AuthPolicies.OwnerOnly, p => Roles(p, AuthPolicies.Owner));

        services.AddAntiforgery(options =>
        {
            options.HeaderName = AuthApi.CsrfHeader;
            options.Cookie.Name = "halo-af";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });

        var attempts = configuration.GetValue("HaloAgent:Auth:LoginAttemptsPerMinute", 10);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per address, except for a browser the account signed in from before: it has a limit of its own, so others
            // behind the same address (an office, a mobile carrier's NAT) cannot use up the owner's attempts.
            limiter.AddPolicy(AuthApi.LoginPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                TrustedDevice.Read(context) is { } device ? $"device:{device.Id}" : $"ip:{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, attempts), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    /// <summary>
    /// Refuses a signed-in change (POST, PUT, PATCH, DELETE under /api) without the CSRF token. Webhooks, the public
    /// API and web chat are not cookie-authenticated and are left alone; so is the login itself.
    /// </summary>
    public static IApplicationBuilder UseCsrfProtection(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var unsafeMethod = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
            if (unsafeMethod && context.User.Identity?.IsAuthenticated == true && request.Path.StartsWithSegments("/api")
                && !request.Path.StartsWithSegments("/api/auth/login"))
            {
                var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    await Results.Problem(
                        detail: $"Missing or invalid CSRF token: send the '{AuthApi.CsrfCookie}' cookie's value in the {AuthApi.CsrfHeader} header.",
                        statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
                    return;
                }
            }

            await next(context);
        });

    public static async Task MigrateAuthAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    private static void Roles(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder policy, params string[] roles) =>
        policy.RequireAuthenticatedUser().RequireClaim(AuthPolicies.BusinessClaim).RequireRole(roles);

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
