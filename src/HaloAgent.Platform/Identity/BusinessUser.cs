using System.Security.Claims;

namespace HaloAgent.Platform.Identity;

/// <summary>
/// The signed-in user's business, as every module's endpoints read it: each query is scoped to it, so one business
/// never reads or changes another's data.
/// </summary>
public static class BusinessUser
{
    /// <summary>Claim type of the business a user belongs to.</summary>
    public const string ClaimType = "halo:business";

    /// <summary>The business of the signed-in user (throws when the principal has none: the endpoint forgot its policy).</summary>
    public static string BusinessId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimType) ?? throw new InvalidOperationException("The signed-in user has no business claim.");

    /// <summary>Who did it, for status histories and audit: the user's e-mail.</summary>
    public static string Actor(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "unknown";
}
