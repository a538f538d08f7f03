namespace HaloAgent.Server.Auth;

/// <summary>Sign-in settings (<c>HaloAgent:Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "HaloAgent:Auth";

    /// <summary>Sign-in attempts per address per minute (clients with a trusted-device cookie are counted per device instead).</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>How long an unused session lasts (the cookie slides while it is used).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long a session lasts however busy it is: then its user signs in again.</summary>
    public TimeSpan SessionAbsoluteLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long one node trusts what it read of a session and its user before reading them again. A change made on this
    /// node (logout, role, removal) applies at once; one made on another node within this time.
    /// </summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Failed sign-ins of one account (from clients it does not trust) before each further one waits.</summary>
    public int AccountFailuresBeforeBackoff { get; set; } = 5;

    /// <summary>The longest wait between attempts at one account (the wait doubles from 1 s with each further failure).</summary>
    public TimeSpan AccountBackoffMax { get; set; } = TimeSpan.FromMinutes(15);
}
