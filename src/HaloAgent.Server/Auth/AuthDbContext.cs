using HaloAgent.Engine.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Server.Auth;

/// <summary>The users table, in the shared database with its own migrations history.</summary>
public sealed class AuthDbContext(DbContextOptions<AuthDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__auth_migrations";

    public DbSet<UserAccount> Users => Set<UserAccount>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        var user = model.Entity<UserAccount>();
        user.ToTable("users").HasKey(u => u.Id);
        user.HasIndex(u => u.Email).IsUnique();
        user.HasIndex(u => u.BusinessId);
        SnakeCaseColumns.Apply(model);
    }
}
