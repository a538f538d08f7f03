using HaloAgent.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Server.Auth;

/// <summary>Creates users and checks passwords (ASP.NET Core's PBKDF2 hasher; old hashes are upgraded on sign-in).</summary>
public sealed class UserDirectory(IDbContextFactory<AuthDbContext> factory, TimeProvider clock)
{
    private static readonly string[] Roles = [AuthPolicies.Owner, AuthPolicies.Agent, AuthPolicies.Marketer, AuthPolicies.Admin];
    private readonly PasswordHasher<UserAccount> _hasher = new();

    public static bool IsRole(string? role) => role is not null && Roles.Contains(role);

    /// <summary>Shortest and longest password accepted (the longest bounds the hashing work one request can ask for).</summary>
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 256;

    /// <summary>Why the password cannot be used; null when it can.</summary>
    public static string? PasswordProblem(string? password) => password switch
    {
        null or { Length: < MinPasswordLength } => $"A password needs at least {MinPasswordLength} characters.",
        { Length: > MaxPasswordLength } => $"A password has at most {MaxPasswordLength} characters.",
        _ => null,
    };

    public async Task<UserAccount> CreateAsync(string businessId, string email, string name, string role, string password, CancellationToken cancellationToken)
    {
        if (!IsRole(role))
        {
            throw new ArgumentException($"'{role}' is not a role: use one of {string.Join(", ", Roles)}.", nameof(role));
        }

        if (PasswordProblem(password) is { } problem)
        {
            throw new ArgumentException(problem, nameof(password));
        }

        var user = new UserAccount
        {
            Id = RowIds.New(),
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

    public async Task<IReadOnlyList<UserAccount>> ListAsync(string businessId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.BusinessId == businessId).OrderBy(u => u.Email).ToListAsync(cancellationToken);
    }

    /// <summary>Sets the role of a user of the business; null when the business has no such user.</summary>
    public async Task<UserAccount?> ChangeRoleAsync(string businessId, string id, string role, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id && u.BusinessId == businessId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        user.Role = role;
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    /// <summary>Deletes a user of the business with their sessions; false when the business has no such user.</summary>
    public async Task<bool> RemoveAsync(string businessId, string id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.Users.Where(u => u.Id == id && u.BusinessId == businessId).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            await db.Sessions.Where(s => s.UserId == id).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return removed > 0;
    }

    /// <summary>Sets a new password when <paramref name="currentPassword"/> is the user's; false otherwise.</summary>
    public async Task<bool> ChangePasswordAsync(string id, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        if (PasswordProblem(newPassword) is { } problem)
        {
            throw new ArgumentException(problem, nameof(newPassword));
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null || _hasher.VerifyHashedPassword(user, user.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
        {
            return false;
        }

        user.PasswordHash = _hasher.HashPassword(user, newPassword);
        await db.SaveChangesAsync(cancellationToken);
        return true;
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

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
