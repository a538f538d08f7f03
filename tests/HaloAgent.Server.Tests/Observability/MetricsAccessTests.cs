using System.Net;
using System.Security.Claims;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Startup.Observability;

namespace HaloAgent.Server.Tests.Observability;

/// <summary>Who may read /metrics: loopback (unless turned off), the configured bearer token, a signed-in admin.</summary>
public sealed class MetricsAccessTests
{
    private static readonly IPAddress Internet = IPAddress.Parse("203.0.113.7");

    [Fact]
    public void Loopback_is_allowed_unless_turned_off()
    {
        MetricsAccess.IsAllowed(IPAddress.Loopback, null, null, new TelemetryOptions()).ShouldBeTrue();
        MetricsAccess.IsAllowed(IPAddress.IPv6Loopback, null, null, new TelemetryOptions()).ShouldBeTrue();
        MetricsAccess.IsAllowed(IPAddress.Loopback, null, null, new TelemetryOptions { MetricsFromLoopback = false }).ShouldBeFalse();
        MetricsAccess.IsAllowed(Internet, null, null, new TelemetryOptions()).ShouldBeFalse();
        MetricsAccess.IsAllowed(null, null, null, new TelemetryOptions()).ShouldBeFalse();
    }

    [Fact]
    public void The_configured_bearer_token_is_allowed_from_anywhere_and_nothing_else_is()
    {
        var options = new TelemetryOptions { MetricsToken = "s3cret-token" };
        MetricsAccess.IsAllowed(Internet, "Bearer s3cret-token", null, options).ShouldBeTrue();
        MetricsAccess.IsAllowed(Internet, "Bearer s3cret-tokem", null, options).ShouldBeFalse();
        MetricsAccess.IsAllowed(Internet, "Basic s3cret-token", null, options).ShouldBeFalse();
        MetricsAccess.IsAllowed(Internet, "Bearer ", null, new TelemetryOptions()).ShouldBeFalse("no token configured: no token works");
    }

    [Fact]
    public void A_signed_in_admin_is_allowed_and_other_roles_are_not()
    {
        MetricsAccess.IsAllowed(Internet, null, User(AuthPolicies.Admin), new TelemetryOptions()).ShouldBeTrue();
        MetricsAccess.IsAllowed(Internet, null, User(AuthPolicies.Owner), new TelemetryOptions()).ShouldBeFalse();
        MetricsAccess.IsAllowed(Internet, null, new ClaimsPrincipal(new ClaimsIdentity()), new TelemetryOptions()).ShouldBeFalse();
    }

    private static ClaimsPrincipal User(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, role)], "cookie"));
}
