namespace HaloAgent.Server.Auth.Sessions;

/// <summary>
/// One sign-in. The cookie carries the session's random id; the row is stored under the id's SHA-256, so a copy of the
/// table does not give anyone a session. A session is good while it is not revoked, not past its absolute expiry and
/// its user still exists.
/// </summary>
public sealed class UserSession
{
    /// <summary>Hex SHA-256 of the id in the cookie.</summary>
    public required string Id { get; set; }

    public required string UserId { get; set; }

    public required string BusinessId { get; set; }

    public long CreatedAt { get; set; }

    /// <summary>When it was last used, to about a minute.</summary>
    public long LastSeenAt { get; set; }

    /// <summary>The absolute end: <see cref="AuthOptions.SessionAbsoluteLifetime"/> after the sign-in.</summary>
    public long ExpiresAt { get; set; }

    public long? RevokedAt { get; set; }

    /// <summary>logout, everywhere, password, removed.</summary>
    public string? RevokedReason { get; set; }
}
