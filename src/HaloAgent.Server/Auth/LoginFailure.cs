namespace HaloAgent.Server.Auth;

/// <summary>
/// Recent failed sign-ins of one account or trusted device, shared by every node. Stored under the key's SHA-256: the
/// table names no e-mail address, not even the made-up ones an attacker tries.
/// </summary>
public sealed class LoginFailure
{
    public required string ThrottleKey { get; set; }

    public int Failures { get; set; }

    public long LastFailureAt { get; set; }

    /// <summary>No attempt is checked before this (Unix ms).</summary>
    public long LockedUntil { get; set; }
}
