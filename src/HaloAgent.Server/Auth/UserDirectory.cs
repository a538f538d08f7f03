using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Server.Auth;

/// <summary>Creates users and checks passwords (ASP.NET Core's PBKDF2 hasher; old hashes are upgraded on sign-in).</summary>
public sealed class UserDirectory(IDbContextFactory<AuthDbContext> factory, TimeProvider clock)
{
    private static readonly string[] Roles = [AuthPolicies.Owner, AuthPolicies.Agent, AuthPolicies.Marketer, AuthPolicies.Admin];
    private readonly PasswordHasher<UserAccount> _hasher = new();

    public static bool IsRole(string? role) => role is not null && Roles.Contains(role);

    public async Task<UserAccount> CreateAsync(string businessId, string email, string name, string role, string password, CancellationToken cancellationToken)
    {
        if (!IsRole(role))
        {
            throw new ArgumentException($"'{role}' is not a role: use one of {string.Join(", ", Roles)}.", nameof(role));
        }

        if (password.Length < 10)
        {
            throw new ArgumentException("A password needs at least 10 characters.", nameof(password));
        }

        var user = new UserAccount
        {
            Id = Guid.CreateVersion7().ToString("N"),
            BusinessId = businessId,
            Email = Normalize(email),
            Name = name.Trim(),
            Role = role,
            PasswordHash = "",
            CreatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        user.PasswordHash = _hasher.HashPassword(user, password);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    public async Task<UserAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = Normalize(email);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == normalized, cancellationToken);
    }

    public async Task<UserAccount?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
    }

    /// <summary>The user when the password is theirs; null otherwise (the same answer for an unknown e-mail).</summary>
    public async Task<UserAccount?> VerifyAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = await FindByEmailAsync(email, cancellationToken);
        if (user is null)
        {
            // Spend the same work as a real check, so timing does not tell which e-mails exist.
            _hasher.VerifyHashedPassword(new UserAccount { Id = "", BusinessId = "", Email = "", Name = "", Role = "", PasswordHash = "" }, DummyHash.Value, password);
            return null;
        }

        var result = _hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            return null;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var hash = _hasher.HashPassword(user, password);
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, hash), cancellationToken);
        }

        return user;
    }

    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<UserAccount>().HashPassword(new UserAccount { Id = "", BusinessId = "", Email = "", Name = "", Role = "", PasswordHash = "" }, Guid.NewGuid().ToString()));

    private static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
