using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth.Sessions;
using Microsoft.EntityFrameworkCore;
using HaloAgent.Platform.Naming;

namespace HaloAgent.Server.Auth;

/// <summary>The users, their sessions and failed sign-ins, in the shared database with their own migrations history.</summary>
public sealed class AuthDbContext(DbContextOptions<AuthDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__auth_migrations";

    public DbSet<UserAccount> Users => Set<UserAccount>();

    public DbSet<UserSession> Sessions => Set<UserSession>();

    public DbSet<LoginFailure> LoginFailures => Set<LoginFailure>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        var user = model.Entity<UserAccount>();
        user.ToTable("users").HasKey(u => u.Id);
        user.HasIndex(u => u.Email).IsUnique();
        user.HasIndex(u => u.BusinessId);

        var session = model.Entity<UserSession>();
        session.ToTable("user_sessions").HasKey(s => s.Id);
        session.HasIndex(s => s.UserId);

        var failure = model.Entity<LoginFailure>();
        failure.ToTable("login_failures").HasKey(f => f.ThrottleKey);
        failure.HasIndex(f => f.LastFailureAt);
        SnakeCaseModel.Apply(model);
    }
}
