namespace HaloAgent.Server.Auth;

/// <summary>Someone who signs in to the dashboard or the Studio: one business, one role.</summary>
public sealed class UserAccount
{
    public required string Id { get; set; }

    public required string BusinessId { get; set; }

    /// <summary>Lower-case; unique.</summary>
    public required string Email { get; set; }

    public required string Name { get; set; }

    /// <summary>owner, agent, marketer or admin (<see cref="AuthPolicies"/>).</summary>
    public required string Role { get; set; }

    /// <summary>ASP.NET Core's <c>PasswordHasher</c> format (PBKDF2 with a per-user salt).</summary>
    public required string PasswordHash { get; set; }

    public long CreatedAt { get; set; }
}
