namespace HaloAgent.Server.Auth.Sessions;

/// <summary>What a valid session stands for right now: its user as the users table has them (role included).</summary>
public sealed record SessionUser(string SessionKey, string UserId, string BusinessId, string Email, string Name, string Role, long ExpiresAt);
